package org.helpline.cluster;

import org.helpline.support.TwimlDoc;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TwiML answer as a tree of verbs, their attributes and what they say, so two answers compare by what the caller
 * hears and where the call goes, not by how the XML happens to be written out.
 */
record Heard(String verb, Map<String, String> attributes, String text, List<Heard> nested) {

    static Heard of(TwimlDoc twiml) {
        return of(twiml.elements("/Response").get(0));
    }

    private static Heard of(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            attributes.put(all.item(i).getNodeName(), all.item(i).getNodeValue());
        }

        List<Heard> nested = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element verb) {
                nested.add(of(verb));
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return new Heard(element.getTagName(), attributes, text.toString().strip(), nested);
    }
}
