package dev.eddy.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.eddy.dag.DagNode.Kind;

class DagSvgTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String name) {
        NodeList list = doc.getElementsByTagNameNS(SVG_NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static List<String> texts(Document doc) {
        return elements(doc, "text").stream().map(Element::getTextContent).toList();
    }

    @Test
    void isWellFormedSvgWithSizeAndTitle() throws Exception {
        String svg = SampleDags.threeStages().toSvg();
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        double w = Double.parseDouble(root.getAttribute("width"));
        double h = Double.parseDouble(root.getAttribute("height"));
        assertTrue(w > 100 && h > 100);
        assertEquals("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"),
                root.getAttribute("viewBox"));
        List<Element> titles = elements(doc, "title");
        assertEquals("Job 4 (batch 12:00:05): 10 nodes in 3 stages", titles.get(0).getTextContent());
        assertEquals(root, titles.get(0).getParentNode(), "first title belongs to the document");
        List<String> texts = texts(doc);
        assertTrue(texts.contains("Stage 1 (skipped)"), texts.toString());
        assertTrue(texts.contains("CoGroupedRDD [7]"));
        assertTrue(texts.contains("join at cell 6"));
    }

    @Test
    void holdsNothingThatNotebookViewersStrip() {
        for (Dag dag : List.of(SampleDags.wordCount(), SampleDags.join(), SampleDags.threeStages())) {
            String svg = dag.toSvg().toLowerCase(java.util.Locale.ROOT);
            for (String banned : List.of("<script", "<style", "style=", "foreignobject", "href", "onload",
                    "onclick", "url(", "@import", "<?xml-stylesheet", "<!doctype")) {
                assertFalse(svg.contains(banned), "SVG contains " + banned);
            }
        }
    }

    @Test
    void escapesMarkupInLabels() throws Exception {
        Dag dag = Dag.builder()
                .title("a <b> & \"c\"")
                .node(1, "MapPartitionsRDD <x> & [1]", "filter(x -> x > 2 && x < 9) at 'cell' 4")
                .node(DagNode.of(2, "</text><script>alert(1)</script>").withCached(true))
                .cluster(0, "Stage <0> & co", 1, 2)
                .edge(1, 2)
                .build();
        String svg = dag.toSvg();
        assertFalse(svg.contains("<x>"));
        assertFalse(svg.contains("<script"));
        assertTrue(svg.contains("MapPartitionsRDD &lt;x&gt; &amp; [1]"));
        Document doc = parse(svg);
        List<String> texts = texts(doc);
        assertTrue(texts.contains("MapPartitionsRDD <x> & [1]"), texts.toString());
        assertTrue(texts.contains("filter(x -> x > 2 && x < 9) at 'cell' 4"));
        assertTrue(texts.contains("</text><script>alert(1)</script>"));
        assertTrue(texts.contains("Stage <0> & co"));
        assertTrue(elements(doc, "title").get(0).getTextContent().startsWith("a <b> & \"c\""));
    }

    @Test
    void marksCachedNodesWithAGreenDot() throws Exception {
        Dag dag = SampleDags.threeStages();
        DagLayout layout = dag.layout();
        Document doc = parse(DagSvg.render(layout));
        List<Element> dots = elements(doc, "circle").stream()
                .filter(c -> c.getAttribute("fill").equals(Style.CACHED_DOT)).toList();
        // one per cached node (4 and 5) and one in the legend
        assertEquals(3, dots.size());
        for (int id : new int[] {4, 5}) {
            DagLayout.Rect box = layout.node(id);
            assertEquals(1, dots.stream().filter(c -> box.distanceTo(new DagLayout.Point(
                    Double.parseDouble(c.getAttribute("cx")), Double.parseDouble(c.getAttribute("cy")))) == 0)
                    .count(), "a dot inside node " + id);
        }
        Document plain = parse(SampleDags.join().toSvg());
        assertTrue(elements(plain, "circle").isEmpty(), "no dot without cached nodes");
        assertFalse(texts(plain).contains("cached"));
    }

    @Test
    void drawsShuffleEdgesDashedAndNarrowEdgesSolid() throws Exception {
        Dag dag = SampleDags.threeStages();
        Document doc = parse(dag.toSvg());
        List<Element> paths = elements(doc, "path");
        long dashed = paths.stream().filter(p -> p.hasAttribute("stroke-dasharray")).count();
        long solid = paths.size() - dashed;
        long shuffles = dag.edges().stream().filter(DagEdge::shuffle).count();
        assertEquals(shuffles + 1, dashed, "shuffle edges plus the legend's sample");
        assertEquals(dag.edges().size() - shuffles, solid);
        assertEquals(dag.edges().size(), elements(doc, "polygon").size(), "one arrowhead per edge");
    }

    @Test
    void sameGraphGivesSameBytes() {
        assertEquals(SampleDags.threeStages().toSvg(), SampleDags.threeStages().toSvg());
        assertEquals(SampleDags.join().toSvg(), DagSvg.render(SampleDags.join().layout()));
        assertTrue(SampleDags.wordCount().toSvg().startsWith("<svg xmlns=\"" + SVG_NS + "\""));
    }

    @Test
    void numbersAreLocaleIndependent() {
        assertEquals("12.5", DagSvg.num(12.46));
        assertEquals("3", DagSvg.num(3.0));
        assertEquals("0", DagSvg.num(-0.01));
        assertEquals("-4.2", DagSvg.num(-4.2));
    }

    @Test
    void singleNodeWithoutClustersOrEdges() throws Exception {
        Dag dag = Dag.builder().node(DagNode.of(0, "BlockRDD [0]").withKind(Kind.SOURCE)).build();
        Document doc = parse(dag.toSvg());
        assertEquals(List.of("BlockRDD [0]"), texts(doc));
        assertEquals("BlockRDD [0]\n", dag.toText());
    }

    /** Writes samples under target/ for looking at; asserts only that they were written. */
    @Test
    void writesSamples() throws IOException {
        Path dir = Path.of("target", "dag-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("three-stages.svg"), SampleDags.threeStages().toSvg());
        Files.writeString(dir.resolve("word-count.svg"), SampleDags.wordCount().toSvg());
        Files.writeString(dir.resolve("join.svg"), SampleDags.join().toSvg());
        Files.writeString(dir.resolve("fifty-nodes.svg"), SampleDags.chainOfStages(6, 8).toSvg());
        assertTrue(Files.size(dir.resolve("three-stages.svg")) > 1000);
    }
}
