package org.graftwatch.ingest.domain;

/** Why a ward payload was rejected: a small, stable set, so metrics per reason stay bounded. */
public enum Reason {
    UNREADABLE("unreadable"),
    STRUCTURE("structure"),
    IDENTITY("identity"),
    STATUS("status"),
    SUBJECT("subject"),
    UNMAPPED_CODE("unmapped-code"),
    EVENT_TIME("event-time"),
    VALUE("value"),
    UNIT("unit"),
    IMPLAUSIBLE("implausible");

    private final String tag;

    Reason(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
        return tag;
    }
}
