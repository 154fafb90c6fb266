package org.rendakb.api;

import io.javalin.config.Key;
import org.rendakb.ServerConfig;

/** Application data registered on the Javalin instance. */
public final class Keys {
  private Keys() {}

  /** The server's configuration (its input folders serve a later reindex endpoint). */
  public static final Key<ServerConfig> CONFIG = new Key<>("rendakb.config");
}
