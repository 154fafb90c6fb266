package org.rendakb.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the source files under the inputs and hashes them. Hidden files and folders, sidecars and
 * the index folder itself are skipped.
 */
final class SourceScanner {
  private static final Logger log = LoggerFactory.getLogger(SourceScanner.class);

  /**
   * @param files every file found, in a stable order
   * @param folderRoots the roots that were scanned as whole folders: a file indexed from one of
   *     them that is no longer there was deleted
   * @param unreadable files that could not be read for hashing, with the reason
   */
  record Scan(List<SourceFile> files, Set<String> folderRoots, List<IndexReport.Failure> unreadable) {}

  private final Path indexDir;

  SourceScanner(Path indexDir) {
    this.indexDir = indexDir.toAbsolutePath().normalize();
  }

  Scan scan(List<Path> inputs) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    Set<String> folderRoots = new LinkedHashSet<>();
    List<IndexReport.Failure> unreadable = new ArrayList<>();
    for (Path input : inputs) {
      Path absolute = input.toAbsolutePath().normalize();
      if (Files.isDirectory(absolute)) {
        folderRoots.add(absolute.toString());
        walk(absolute, files, unreadable);
      } else if (Files.isRegularFile(absolute)) {
        add(absolute.getParent(), absolute, files, unreadable);
      } else {
        throw new IOException("input not found: " + input);
      }
    }
    return new Scan(files, folderRoots, unreadable);
  }

  private void walk(Path root, List<SourceFile> files, List<IndexReport.Failure> unreadable) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        boolean skip = !dir.equals(root) && (isHidden(dir) || dir.equals(indexDir));
        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && !isHidden(file) && !SourceFile.isSidecar(file)) {
          found.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        unreadable.add(new IndexReport.Failure(root.relativize(file).toString(), "cannot read: " + e.getMessage()));
        return FileVisitResult.CONTINUE;
      }
    });
    found.sort(null);
    for (Path file : found) {
      add(root, file, files, unreadable);
    }
  }

  private static void add(Path root, Path file, List<SourceFile> files, List<IndexReport.Failure> unreadable) {
    try {
      files.add(SourceFile.at(root, file));
    } catch (InvalidPathException e) {
      // the JVM reads file names in the locale's character set: under LANG=C a Chinese name's bytes
      // cannot be turned into a name and back (its sidecar's name, its path in the index)
      log.warn("cannot read the name of {}: {}", file, e.getMessage());
      unreadable.add(new IndexReport.Failure(root.relativize(file).toString().replace('\\', '/'),
          "its name cannot be read in this system's character set (" + System.getProperty("sun.jnu.encoding")
              + "); run the indexer with a UTF-8 locale, e.g. LANG=C.UTF-8"));
    } catch (IOException | UncheckedIOException e) {
      log.warn("cannot read {}: {}", file, e.getMessage());
      unreadable.add(new IndexReport.Failure(root.relativize(file).toString().replace('\\', '/'), "cannot read: " + e.getMessage()));
    }
  }

  private static boolean isHidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }

  /** SHA-256 of the file followed by its sidecar: editing the sidecar re-indexes the file. */
  static String hash(Path file) throws IOException {
    MessageDigest digest = sha256();
    update(digest, file);
    Path sidecar = SourceFile.sidecarOf(file);
    if (Files.isRegularFile(sidecar)) {
      digest.update((byte) 0);
      update(digest, sidecar);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
