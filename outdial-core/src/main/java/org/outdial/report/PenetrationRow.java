package org.outdial.report;

/** List penetration: records of one status with one attempt count. */
public record PenetrationRow(String recordStatus, int attempts, long records) {}
