package org.outdial.callback;

/** The channel the callback request came from (_CB_DIM_CHANNEL). */
public enum Channel {
    IVR, WEB, MOBILE
}
