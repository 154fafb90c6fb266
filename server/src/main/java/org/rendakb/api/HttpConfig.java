package org.rendakb.api;

/**
 * Where the server listens and how many expensive requests it serves at once.
 *
 * @param host the interface to listen on
 * @param port 0 for any free port
 * @param limits how many expensive requests are served at once
 */
public record HttpConfig(String host, int port, RequestLimits limits) {}
