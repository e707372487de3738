package dev.eddy.kernel;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One value rendered in several MIME types, as Jupyter shows it: always {@code text/plain}, plus
 * richer forms that front ends prefer when they know them.
 *
 * <p>Rich forms should be portable: saved notebooks are shown by GitHub and nbviewer, which drop
 * scripts and styles, so prefer plain HTML tables and SVG with presentation attributes. Not
 * thread-safe while being built; treat it as immutable once returned by a {@link Renderer}.
 */
public final class MimeBundle {
  private final Map<String, String> data = new LinkedHashMap<>();

  private MimeBundle(String text) {
    data.put("text/plain", Objects.requireNonNull(text, "text"));
  }

  /** Creates a bundle whose plain-text form is {@code text}. */
  public static MimeBundle text(String text) {
    return new MimeBundle(text);
  }

  /** Adds an HTML form (a fragment: no scripts or styles, so saved notebooks show it as well). */
  public MimeBundle html(String html) {
    return with("text/html", html);
  }

  /** Adds a Markdown form. */
  public MimeBundle markdown(String markdown) {
    return with("text/markdown", markdown);
  }

  /** Adds an SVG form (a complete {@code <svg>} element). */
  public MimeBundle svg(String svg) {
    return with("image/svg+xml", svg);
  }

  /** Adds a PNG image, given as its bytes. */
  public MimeBundle png(byte[] png) {
    return with("image/png", Base64.getEncoder().encodeToString(png));
  }

  /** Adds the form {@code mime} (for example {@code "text/latex"}). */
  public MimeBundle with(String mime, String value) {
    if (mime == null || !mime.matches("[\\w\\-+.]+/[\\w\\-+.]+")) {
      throw new IllegalArgumentException("not a MIME type: " + mime);
    }
    data.put(mime, Objects.requireNonNull(value, mime));
    return this;
  }

  /** Returns the plain-text form. */
  public String text() {
    return data.get("text/plain");
  }

  /** Returns every form by MIME type, {@code text/plain} first. */
  public Map<String, String> data() {
    return Collections.unmodifiableMap(data);
  }

  @Override
  public String toString() {
    return "MimeBundle" + data.keySet();
  }
}
