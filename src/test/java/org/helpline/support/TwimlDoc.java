package org.helpline.support;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A TwiML answer, parsed, so tests ask what the caller hears and where the call goes instead of comparing text. */
public final class TwimlDoc {

    private final String xml;
    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public TwimlDoc(String xml) {
        this.xml = xml;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            this.document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed TwiML: " + xml, e);
        }
        if (!"Response".equals(document.getDocumentElement().getTagName())) {
            throw new AssertionError("TwiML root is not <Response>: " + xml);
        }
    }

    public String xml() {
        return xml;
    }

    /** The text of every {@code <Say>}, in order, wherever it sits. */
    public List<String> said() {
        return texts("//Say");
    }

    /** The text of the {@code <Say>}s inside the first {@code <Gather>}. */
    public List<String> saidInGather() {
        return texts("/Response/Gather/Say");
    }

    public List<String> saidOutsideGather() {
        return texts("/Response/Say");
    }

    public String allSaid() {
        return String.join(" ", said());
    }

    public List<Element> elements(String expression) {
        NodeList nodes = nodes(expression);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** An attribute of the first element matching the expression, or null. */
    public String attribute(String expression, String name) {
        List<Element> found = elements(expression);
        return found.isEmpty() || !found.get(0).hasAttribute(name) ? null : found.get(0).getAttribute(name);
    }

    public String text(String expression) {
        List<Element> found = elements(expression);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    public boolean has(String expression) {
        return nodes(expression).getLength() > 0;
    }

    /** The names of the top-level verbs, in order. */
    public List<String> verbs() {
        return elements("/Response/*").stream().map(Element::getTagName).toList();
    }

    public String gatherAction() {
        return attribute("/Response/Gather", "action");
    }

    public String redirect() {
        return text("/Response/Redirect");
    }

    private List<String> texts(String expression) {
        return elements(expression).stream().map(Element::getTextContent).toList();
    }

    private NodeList nodes(String expression) {
        try {
            return (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
