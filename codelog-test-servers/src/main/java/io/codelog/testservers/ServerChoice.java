package io.codelog.testservers;

/**
 * Which server to start and why, for the one log line that tells a reader of the test output.
 *
 * @param source where the server comes from
 * @param reason why, in words, e.g. {@code "no Docker engine answered"}
 */
record ServerChoice(ServerSource source, String reason) {}
