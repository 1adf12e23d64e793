package org.outdial.callback;

/** Whether the offer was made inside the service's business hours (_CB_DIM_OFFER_TIMING). */
public enum OfferTiming {
    ON_HOURS("ON-HOURS"),
    OFF_HOURS("OFF-HOURS");

    private final String text;

    OfferTiming(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static OfferTiming parse(String text) {
        for (OfferTiming t : values()) {
            if (t.text.equals(text) || t.name().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("offer timing '" + text + "' must be ON-HOURS or OFF-HOURS");
    }
}
