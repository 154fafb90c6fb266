package org.rendakb.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/**
 * The request's method is the one on its request line, and HEAD is GET without the body.
 * Javalin routes by {@code X-HTTP-Method-Override} when present, which turned a GET into a
 * DELETE; the override headers are hidden here, before Javalin reads them. Javalin answers HEAD
 * with 200 for any GET route without running it (so a HEAD for a missing file said 200 and a
 * wrong token went unrefused): HEAD is passed on as GET, so it gets GET's status and headers, and
 * Jetty, which knows the request line said HEAD, sends no body.
 */
final class MethodFilter implements Filter {
  private static final Set<String> OVERRIDES = Set.of("x-http-method-override", "x-http-method", "x-method-override");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request instanceof HttpServletRequest http ? new AsSent(http) : request, response);
  }

  private static final class AsSent extends HttpServletRequestWrapper {
    private final boolean head;

    AsSent(HttpServletRequest request) {
      super(request);
      this.head = "HEAD".equals(request.getMethod());
    }

    @Override
    public String getMethod() {
      return head ? "GET" : super.getMethod();
    }

    @Override
    public String getHeader(String name) {
      return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
    }

    private static boolean hidden(String name) {
      return name != null && OVERRIDES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
  }
}
