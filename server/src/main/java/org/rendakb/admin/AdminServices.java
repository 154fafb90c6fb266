package org.rendakb.admin;

/**
 * What changes the index from the server, built by the composition root when an admin token is
 * configured: the uploads, the reindex runner and the throttle on wrong tokens, with the settings
 * they were built from.
 */
public record AdminServices(AdminConfig config, UploadStore store, Uploads uploads, Reindexer reindexer,
    FailureThrottle throttle) {}
