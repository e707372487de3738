package dev.eddy.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.EddyContext;
import dev.eddy.api.Tuple2;
import dev.eddy.dag.Dag;
import dev.eddy.rdd.RDD;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** {@link Renderers} and the {@link BuiltInRenderers}. */
class RenderersTest {
  private static EddyContext sc;

  @BeforeAll
  static void start() {
    sc = new EddyContext("local[2]", "renderers-test");
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  interface Shape {}

  interface Round extends Shape {}

  static class Circle implements Round {
    @Override
    public String toString() {
      return "circle";
    }
  }

  static final class Disc extends Circle {}

  @Test
  void aBatchInfoIsOneLineAndAOneRowTable() {
    var ok = new dev.eddy.streaming.scheduler.BatchInfo(new dev.eddy.streaming.Time(3_000), 200, 3_000,
        java.util.Optional.of(3_001L), java.util.Optional.of(3_005L), java.util.Optional.empty());
    MimeBundle shown = BuiltInRenderers.batchInfo(ok);
    assertEquals("Batch of 3000 ms: 200 records, scheduling delay 1 ms, processing time 4 ms, ok", shown.text());
    assertTrue(shown.data().get("text/html").contains("<td>200</td>"), shown.data().toString());
    var failed = new dev.eddy.streaming.scheduler.BatchInfo(new dev.eddy.streaming.Time(4_000), 0, 4_000,
        java.util.Optional.of(4_000L), java.util.Optional.of(4_001L), java.util.Optional.of("print failed: boom"));
    assertTrue(BuiltInRenderers.batchInfo(failed).text().endsWith("failed: print failed: boom"));
  }

  @Test
  void valuesWithoutRendererAreTheirText() {
    assertEquals(Map.of("text/plain", "42"), Renderers.render(42).data());
    assertEquals(Map.of("text/plain", "null"), Renderers.render(null).data());
  }

  @Test
  void theMostSpecificRegistrationWins() {
    Renderers.register(Shape.class, s -> MimeBundle.text("shape"));
    assertEquals("shape", Renderers.render(new Disc()).text());
    Renderers.register(Round.class, s -> MimeBundle.text("round"));
    assertEquals("round", Renderers.render(new Disc()).text());
    Renderers.register(Circle.class, c -> MimeBundle.text("a " + c));
    assertEquals("a circle", Renderers.render(new Disc()).text());
  }

  @Test
  void aFailingOrNullRendererFallsBackToText() {
    record Broken(int v) {}
    Renderers.register(Broken.class, b -> {
      throw new IllegalStateException("no");
    });
    String text = Renderers.render(new Broken(1)).text();
    assertTrue(text.startsWith("Broken[v=1]"), text);
    assertTrue(text.contains("rendering failed: java.lang.IllegalStateException: no"), text);
    record Quiet(int v) {}
    Renderers.register(Quiet.class, q -> null);
    assertEquals(Map.of("text/plain", "Quiet[v=2]"), Renderers.render(new Quiet(2)).data());
  }

  @Test
  void anRddShowsItsFirstTwentyRowsAndSaysThereAreMore() {
    RDD<Integer> rdd = sc.parallelize(IntStream.range(0, 25).boxed().toList(), 2);
    MimeBundle bundle = Renderers.render(rdd);
    assertEquals(rdd.toString(), bundle.text());
    String html = bundle.data().get("text/html");
    assertTrue(html.contains("<tr><td>19</td></tr>"), html);
    assertFalse(html.contains("<td>20</td>"), html);
    assertTrue(html.contains("more rows"), html);
  }

  @Test
  void pairsBecomeKeyAndValueColumns() {
    RDD<Tuple2<String, Integer>> pairs = sc.parallelize(List.of(new Tuple2<>("a", 1), new Tuple2<>("<b>", 2)), 1);
    String html = Renderers.render(pairs).data().get("text/html");
    assertTrue(html.contains("<th>key</th><th>value</th>"), html);
    assertTrue(html.contains("<tr><td>&lt;b&gt;</td><td>2</td></tr>"), html);
    assertFalse(html.contains("more rows"), html);
  }

  @Test
  void aDagIsSvgAndText() {
    Dag dag = Dag.builder().title("t").node(1, "source", "").node(2, "map", "").edge(1, 2).build();
    MimeBundle bundle = Renderers.render(dag);
    assertEquals(dag.toText(), bundle.text());
    assertTrue(bundle.data().get("image/svg+xml").startsWith("<svg"));
  }

  @Test
  void mapsCollectionsAndArraysAreTablesWithTheirUsualText() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("x", 1);
    MimeBundle bundle = Renderers.render(map);
    assertEquals("{x=1}", bundle.text());
    assertTrue(bundle.data().get("text/html").contains("<tr><td>x</td><td>1</td></tr>"));
    List<Integer> many = new ArrayList<>(IntStream.range(0, 30).boxed().toList());
    assertTrue(Renderers.render(many).data().get("text/html").contains("more rows"));
    assertEquals("[1, 2]", Renderers.render(new int[] {1, 2}).text());
    assertEquals("[[a], [b]]", Renderers.render(new String[][] {{"a"}, {"b"}}).text());
    assertTrue(Renderers.render(new long[] {7}).data().get("text/html").contains("<td>7</td>"));
  }

  @Test
  void aTablesawTableIsHtml() {
    Table table = Table.create("t", IntColumn.create("n", 5, 6));
    MimeBundle bundle = Renderers.render(table);
    assertTrue(bundle.data().get("text/html").contains("<td>6</td>"), bundle.data().get("text/html"));
    assertTrue(bundle.text().contains("n"));
  }

  @Test
  void anImageIsPng() {
    MimeBundle bundle = Renderers.render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB));
    assertEquals("image 3x2", bundle.text());
    byte[] png = Base64.getDecoder().decode(bundle.data().get("image/png"));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  @Test
  void wrappersShowTheirSource() {
    assertEquals("<b>x</b>", Renderers.render(new Html("<b>x</b>")).data().get("text/html"));
    assertEquals("# t", Renderers.render(new Markdown("# t")).data().get("text/markdown"));
    assertEquals("<svg/>", Renderers.render(new Svg("<svg/>")).data().get("image/svg+xml"));
    assertThrows(IllegalArgumentException.class, () -> new Svg("<b>no</b>"));
  }

  @Test
  void bundlesRejectWhatIsNotAMimeType() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MimeBundle.text("x").with("html", "y"));
    assertEquals("not a MIME type: html", e.getMessage());
    assertEquals(List.of("text/plain", "text/latex"), List.copyOf(MimeBundle.text("x").with("text/latex", "$x$").data().keySet()));
  }
}
