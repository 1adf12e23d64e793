package org.outdial.callback;

/** The offer the customer was presented (_CB_DIM_CALLBACK_OFFER_TYPE). */
public enum OfferType {
    SCHEDULED, WAIT_FOR_AGENT, COMBINED_SCHEDULED_AND_WAIT_FOR_AGENT, IMMEDIATE
}
