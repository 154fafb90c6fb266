package org.rendakb.api;

import java.util.List;
import org.rendakb.admin.AdminServices;
import org.rendakb.compare.CompareService;
import org.rendakb.compare.NewPhrasesService;
import org.rendakb.export.ResultRows;
import org.rendakb.knowledge.LawCatalog;
import org.rendakb.knowledge.OrganCatalog;
import org.rendakb.ocr.OcrStatus;
import org.rendakb.precedent.PrecedentService;
import org.rendakb.search.DocumentMarks;
import org.rendakb.search.FacetCounts;
import org.rendakb.search.SearchService;

/**
 * Every service the routes call, built by the server's composition root ({@code org.rendakb.Server}):
 * the routes read a request, call one of these and write its answer.
 *
 * @param admin what changes the index, or null when that is off (the admin endpoints answer 403)
 * @param ocr whether uploaded scans are read by OCR, as /api/health reports it
 * @param onStop closed in this order when the server stops
 */
public record Services(SearchService search, DocumentMarks marks, FacetCounts facets, ResultRows results,
    PrecedentService precedents, LawCatalog laws, OrganCatalog organs, CompareService compare,
    NewPhrasesService phrases, AdminServices admin, OcrStatus ocr, List<AutoCloseable> onStop) {
  public Services {
    onStop = List.copyOf(onStop);
  }
}
