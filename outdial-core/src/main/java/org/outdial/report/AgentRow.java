package org.outdial.report;

/** An agent's productivity over a range: calls handled, talk and wrap time, and their averages. */
public record AgentRow(String agentId, long calls, long talkSec, long wrapSec, Double avgTalkSec, Double avgWrapSec) {}
