package sa.tenhal.notifications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plain-text part of an email, made from its HTML: paragraphs become blank lines, links show their address. */
final class HtmlToText {

    private static final Pattern LINK =
            Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private HtmlToText() {}

    static String convert(String html) {
        String body = html;
        int start = body.toLowerCase().indexOf("<body");
        if (start >= 0) {
            body = body.substring(body.indexOf('>', start) + 1);
        }
        body = body.replaceAll("(?is)<(style|head|title)[^>]*>.*?</\\1>", "");
        Matcher links = LINK.matcher(body);
        StringBuilder withLinks = new StringBuilder();
        while (links.find()) {
            String text = links.group(2).replaceAll("<[^>]+>", "").strip();
            String href = links.group(1);
            String replacement = text.equals(href) || text.isEmpty() ? href : text + " (" + href + ")";
            links.appendReplacement(withLinks, Matcher.quoteReplacement(replacement));
        }
        links.appendTail(withLinks);
        String text = withLinks
                .toString()
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|h[1-6]|li|tr|table)>", "\n\n")
                .replaceAll("(?i)<li[^>]*>", "- ")
                .replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
        return text.lines()
                .map(String::strip)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
