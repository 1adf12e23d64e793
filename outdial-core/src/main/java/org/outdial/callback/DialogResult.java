package org.outdial.callback;

/** The result of the final dialog (_CB_DIM_DIAL_DIALOG_RESULT). */
public enum DialogResult {
    RIGHT_PERSON, RESCHEDULED, CANCELLED, TRANSFERRED_TO_RP
}
