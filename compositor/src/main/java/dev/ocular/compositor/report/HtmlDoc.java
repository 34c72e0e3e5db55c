package dev.ocular.compositor.report;

import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML report page: headings, tables, chart placeholders and PNG images as data URIs, with the
 * chart library, the page's data (JSON) and its script inlined, so the single file opens anywhere offline.
 */
public final class HtmlDoc {
    private final String title;
    private final StringBuilder body = new StringBuilder(8192);

    public HtmlDoc(String title) {
        this.title = title;
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public HtmlDoc heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    public HtmlDoc paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlDoc section(String id) {
        body.append("<section id=\"").append(escape(id)).append("\">\n");
        return this;
    }

    public HtmlDoc endSection() {
        body.append("</section>\n");
        return this;
    }

    public HtmlDoc table(String id, List<String> header, List<List<String>> rows) {
        body.append("<table id=\"").append(escape(id)).append("\"><thead><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** A placeholder the page script draws a chart into. */
    public HtmlDoc chart(String id, String caption) {
        body.append("<figure><div class=\"chart\" id=\"").append(escape(id)).append("\"></div><figcaption>")
                .append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    public HtmlDoc image(String cssClass, String alt, byte[] png) {
        body.append("<figure class=\"").append(escape(cssClass)).append("\"><img alt=\"").append(escape(alt))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption>").append(escape(alt)).append("</figcaption></figure>\n");
        return this;
    }

    /**
     * The finished page.
     *
     * @param css inline style sheet
     * @param dataJson the page's data, read by the script from {@code #report-data}
     * @param scripts script texts in order (chart library first)
     */
    public String render(String css, String dataJson, List<String> scripts) {
        StringBuilder page = new StringBuilder(body.length() + dataJson.length() + 1_100_000);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.append("<title>").append(escape(title)).append("</title>\n<style>\n").append(css).append("</style>\n");
        page.append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n").append(body);
        page.append("<script type=\"application/json\" id=\"report-data\">")
                .append(WebAsset.inlineJson(dataJson)).append("</script>\n");
        for (String script : scripts) {
            page.append("<script>\n").append(WebAsset.inlineScript(script)).append("\n</script>\n");
        }
        page.append("</body>\n</html>\n");
        return page.toString();
    }
}
