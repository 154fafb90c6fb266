package org.rendakb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real file-system faults for tests: a small tmpfs (a disk that fills up) and a read-only folder.
 * Root ignores permissions, so a folder is made read-only by permissions when that works and by a
 * read-only bind mount otherwise; each method says whether it could.
 */
final class Mounts {
  private Mounts() {}

  /** Mounts a tmpfs of {@code bytes} on {@code dir}; false when mounting is not allowed. */
  static boolean tmpfs(Path dir, long bytes) {
    return run("mount", "-t", "tmpfs", "-o", "size=" + Math.max(1, bytes >> 10) + "k", "tmpfs", dir.toString());
  }

  /** Makes {@code dir} refuse writes, and checks that it does; false when that is not possible here. */
  static boolean readOnly(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (refusesWrites(dir)) {
      return true;
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (run("mount", "--bind", dir.toString(), dir.toString())) {
      if (run("mount", "-o", "remount,bind,ro", dir.toString()) && refusesWrites(dir)) {
        return true;
      }
      unmount(dir);
    }
    return false;
  }

  /** Undoes {@link #readOnly}. */
  static void writable(Path dir) throws IOException {
    if (!Files.isWritable(dir) || refusesWrites(dir)) {
      unmount(dir);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static void unmount(Path dir) {
    if (!run("umount", dir.toString())) {
      run("umount", "-l", dir.toString());
    }
  }

  private static boolean refusesWrites(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
