package org.rendakb.search;

import java.util.List;
import java.util.Map;

/**
 * Everything the index knows of one source file, for the document page.
 *
 * @param docNumber the 公文's 发文字号 (〔〕 form), with {@code addressee}, {@code signer} and the site's
 *     {@code published} date where they are stated
 * @param sources where each metadata value came from ("title" → "heading", "date" → "落款"), so that
 *     whoever finds a wrong value knows what a sidecar must fix
 */
public record DocumentView(
    String id, String path, String title, String type, String date, Integer year, String body, String committee,
    String region, String place, String term, String meeting, String speaker, List<String> laws, String contentType,
    Long size, String hash, boolean truncated, String note, int passages, String text, String docNumber, String addressee,
    String signer, String published, Map<String, String> sources) {}
