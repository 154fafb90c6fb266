package org.rendakb.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.rendakb.index.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder that keeps uploaded originals: {@code DATA/ID/NAME}, with the metadata given in
 * the form as {@code NAME.meta.json} beside it. Uploaded documents are indexed with the data folder
 * as their root, so the original-file endpoint serves them with its usual checks. Nothing is ever
 * written outside the folder: the id is ours (hex), the name is sanitised, and the resolved path is
 * checked to be a direct child of the document's folder before anything is written.
 */
public final class UploadStore {
  private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  /** Jetty spools multipart bodies here: inside the data folder (same disk, same permissions), hidden. */
  static final String INCOMING = ".incoming";

  private final Path root;

  public UploadStore(Path data) throws IOException {
    Files.createDirectories(data);
    this.root = data.toRealPath();
    Files.createDirectories(root.resolve(INCOMING));
  }

  public Path root() {
    return root;
  }

  public Path incoming() {
    return root.resolve(INCOMING);
  }

  /** True when an indexed document of this root is an upload whose folder this store owns. */
  boolean owns(String documentRoot) {
    return root.toString().equals(documentRoot);
  }

  boolean exists(String id) {
    return Files.exists(root.resolve(id), LinkOption.NOFOLLOW_LINKS);
  }

  /** Writes the original (and its sidecar when {@code sidecar} is not empty); returns the stored file. */
  Path save(String id, String clientName, InputStream content, Map<String, Object> sidecar) throws IOException {
    Path folder = folderOf(id);
    Files.createDirectory(folder);
    Path file = folder.resolve(FileNames.sanitise(clientName)).normalize();
    if (!folder.equals(file.getParent())) {
      throw new IllegalStateException("a sanitised name left its folder: " + file);
    }
    try {
      Files.copy(content, file);
      if (!sidecar.isEmpty()) {
        JSON.writeValue(SourceFile.sidecarOf(file).toFile(), sidecar);
      }
      return file;
    } catch (IOException | RuntimeException e) {
      remove(id);
      throw e;
    }
  }

  /** Deletes the folder of upload {@code id}, if there is one. */
  void remove(String id) {
    Path folder = folderOf(id);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        Files.delete(f);
      }
      Files.delete(folder);
    } catch (IOException e) {
      // the document is no longer indexed; a leftover folder is never served
      log.warn("could not remove the upload folder {}: {}", folder, e.toString());
    }
  }

  private Path folderOf(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not an upload id: " + id);
    }
    return root.resolve(id);
  }
}
