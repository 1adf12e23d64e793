package org.outdial.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientRequestTest {

    private static int errorOf(String text) {
        try {
            ClientRequest.parse(text);
        } catch (SoftdialException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.errorCode();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void enumerateOutcomesRegistersForTenantCampaignAndKinds() {
        assertThat(ClientRequest.parse("EO\\CNSales1\\TXEOSales1\\FO\\SO"))
                .isEqualTo(new ClientRequest.EnumerateOutcomes("EOSales1", null, "Sales1", true, true));
        assertThat(ClientRequest.parse("CG:MA:EO\\TDAcme\\TX7\\SO"))
                .isEqualTo(new ClientRequest.EnumerateOutcomes("7", "Acme", null, true, false));
    }

    @Test
    void anEnumerationMatchesItsTenantCampaignAndKind() {
        var eo = new ClientRequest.EnumerateOutcomes("t", "Acme", "Sales", true, false);
        assertThat(eo.wants("Acme", "Sales", true)).isTrue();
        assertThat(eo.wants("Acme", "Sales", false)).isFalse();
        assertThat(eo.wants("Other", "Sales", true)).isFalse();
        assertThat(eo.wants("Acme", "Service", true)).isFalse();
        assertThat(new ClientRequest.EnumerateOutcomes("t", null, null, true, true).wants("x", "y", false)).isTrue();
    }

    @Test
    void enumerateEndNamesItsTransaction() {
        assertThat(ClientRequest.parse("EE\\TXABC001")).isEqualTo(new ClientRequest.EnumerateEnd("ABC001", null));
    }

    @Test
    void aMissingTransactionIdIsError803() {
        assertThat(errorOf("EO\\FO")).isEqualTo(803);
        assertThat(errorOf("EE\\TDAcme")).isEqualTo(803);
    }

    @Test
    void enumerateOutcomesNeedsFailureOrSuccessOutcomes() {
        assertThat(errorOf("EO\\TX1")).isEqualTo(SoftdialErrors.NO_OUTCOME_KIND);
    }

    @Test
    void aParameterTheMessageDoesNotTakeIsRefused() {
        assertThat(errorOf("EO\\TX1\\FO\\ZZ1")).isEqualTo(SoftdialErrors.UNKNOWN_PARAMETER);
        assertThat(errorOf("EE\\TX1\\CNx")).isEqualTo(SoftdialErrors.UNKNOWN_PARAMETER);
    }

    @Test
    void valuesAreCheckedAgainstTheirLengthAndCharacters() {
        assertThat(errorOf("EO\\TX" + "a".repeat(88) + "\\FO")).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX\\FO")).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX1\\FO\\CNSales:East")).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX1\\FO\\CN" + "c".repeat(81))).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX1\\FOyes")).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX1\\FO\\CS0")).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX1\\FO\\CSfast")).isEqualTo(SoftdialErrors.INVALID_VALUE);
        assertThat(errorOf("EO\\TX1\\FO\\TDa|b")).isEqualTo(SoftdialErrors.INVALID_VALUE);
    }

    @Test
    void everyForbiddenCharacterOfANameIsRefused() {
        for (char c : SoftdialValues.FORBIDDEN_IN_NAMES.toCharArray()) {
            if (c == '\\') {
                continue; // the separator: it splits the parameter instead
            }
            assertThatThrownBy(() -> ClientRequest.parse("EO\\TX1\\FO\\CNa" + c + "b")).as("char " + c)
                    .hasMessageContaining("may not contain '" + c + "'");
        }
    }

    @Test
    void persistenceAndManagementOutcomesAreNotOffered() {
        assertThat(errorOf("EO\\TX1\\FO\\PStoken")).isEqualTo(SoftdialErrors.NOT_SUPPORTED);
        assertThat(errorOf("EO\\TX1\\FO\\MO")).isEqualTo(SoftdialErrors.NOT_SUPPORTED);
    }

    @Test
    void otherMessagesAndInterfacesAreRefused() {
        assertThat(errorOf("MC\\TN123")).isEqualTo(SoftdialErrors.NOT_UNDERSTOOD);
        assertThat(errorOf("CG:AG:EO\\TX1\\FO")).isEqualTo(SoftdialErrors.NOT_UNDERSTOOD);
    }
}
