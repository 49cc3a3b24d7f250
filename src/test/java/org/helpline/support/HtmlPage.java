package org.helpline.support;

import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page as a person reads it, parsed with the HTML parser the JDK ships: its title, the text of an element named by
 * id, the whole visible text, where its links lead and which stylesheets it uses. Tests check those, never markup.
 */
public final class HtmlPage {

    private final StringBuilder title = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final Map<String, StringBuilder> byId = new HashMap<>();
    private final Map<String, String> hrefById = new HashMap<>();
    private final List<String> links = new ArrayList<>();
    private final List<String> stylesheets = new ArrayList<>();

    private HtmlPage() {
    }

    public static HtmlPage of(String html) {
        HtmlPage page = new HtmlPage();
        try {
            new ParserDelegator().parse(new StringReader(html), page.new Reader(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page;
    }

    public String title() {
        return squeeze(title);
    }

    /** All the text a reader sees, spaces squeezed. */
    public String text() {
        return squeeze(text);
    }

    /** The text inside the element with this id; fails when the page has none. */
    public String text(String id) {
        StringBuilder found = byId.get(id);
        if (found == null) {
            throw new AssertionError("No element with id " + id + " on a page reading: " + text());
        }
        return squeeze(found);
    }

    /** Where the link with this id leads. */
    public String href(String id) {
        return hrefById.get(id);
    }

    public List<String> links() {
        return links;
    }

    public List<String> stylesheets() {
        return stylesheets;
    }

    private static String squeeze(CharSequence s) {
        return s.toString().replaceAll("\\s+", " ").strip();
    }

    /** Follows the parser through the page, keeping the text of every element that has an id. */
    private final class Reader extends HTMLEditorKit.ParserCallback {

        private final Deque<Open> open = new ArrayDeque<>();
        private boolean inTitle;

        private record Open(HTML.Tag tag, StringBuilder text) {
        }

        @Override
        public void handleStartTag(HTML.Tag tag, MutableAttributeSet attributes, int position) {
            if (tag == HTML.Tag.TITLE) {
                inTitle = true;
            }
            Object id = attributes.getAttribute(HTML.Attribute.ID);
            Object href = attributes.getAttribute(HTML.Attribute.HREF);
            if (tag == HTML.Tag.A && href != null) {
                links.add(href.toString());
                if (id != null) {
                    hrefById.put(id.toString(), href.toString());
                }
            }
            open.push(new Open(tag, id == null ? null : byId.computeIfAbsent(id.toString(), k -> new StringBuilder())));
        }

        @Override
        public void handleEndTag(HTML.Tag tag, int position) {
            if (tag == HTML.Tag.TITLE) {
                inTitle = false;
            }
            while (!open.isEmpty()) {
                if (open.pop().tag() == tag) {
                    break;
                }
            }
        }

        @Override
        public void handleSimpleTag(HTML.Tag tag, MutableAttributeSet attributes, int position) {
            Object rel = attributes.getAttribute(HTML.Attribute.REL);
            if (tag == HTML.Tag.LINK && "stylesheet".equals(rel)) {
                stylesheets.add(attributes.getAttribute(HTML.Attribute.HREF).toString());
            }
        }

        @Override
        public void handleText(char[] data, int position) {
            String piece = new String(data) + " ";
            if (inTitle) {
                title.append(piece);
                return;
            }
            text.append(piece);
            open.stream().filter(element -> element.text() != null).forEach(element -> element.text().append(piece));
        }
    }
}
