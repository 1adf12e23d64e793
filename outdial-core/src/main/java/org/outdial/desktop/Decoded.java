package org.outdial.desktop;

/**
 * What a desktop's key–value list said: the request, or the error to answer with. The request type, application id
 * and reference id are kept as far as they could be read, so the error can echo them.
 *
 * @param type          the {@code GSW_AGENT_REQ_TYPE} as sent (null when missing or not a string)
 * @param applicationId the {@code GSW_APPLICATION_ID} (null when absent or not an Int)
 * @param referenceId   the {@code GSW_REFERENCE_ID} value exactly as sent (echoed with the same key and value)
 * @param request       null when {@code error} is set
 */
public record Decoded(String type, Long applicationId, Object referenceId, Request request, ProtocolException error) {

    public boolean ok() {
        return error == null;
    }
}
