package sa.tenhal.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a staff page offers a browser: the links to other pages and the forms that post, with their fields. */
final class PageForms {

    /** One form: where it posts and the fields a browser would send, as the page fills them in. */
    record Form(String action, Map<String, String> fields) {

        /** The action with its ids replaced, to count forms of one kind once ({@code /patients/{id}/archive}). */
        String kind() {
            return action.replaceAll("\\?.*", "")
                    .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
        }
    }

    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"(/[^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM =
            Pattern.compile("<form(\\s[^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input(\\s[^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT =
            Pattern.compile("<select(\\s[^>]*)>(.*?)</select>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option(\\s[^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA =
            Pattern.compile("<textarea(\\s[^>]*)>(.*?)</textarea>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BUTTON = Pattern.compile("<button(\\s[^>]*)>", Pattern.CASE_INSENSITIVE);

    private PageForms() {}

    static Set<String> links(String html) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            // a browser never sends the fragment
            links.add(unescape(m.group(1)).replaceAll("#.*", ""));
        }
        return links;
    }

    static List<Form> forms(String html, String pagePath) {
        List<Form> forms = new ArrayList<>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            String attributes = m.group(1);
            if (!"post".equalsIgnoreCase(attribute(attributes, "method"))) {
                continue;
            }
            String action = attribute(attributes, "action");
            if (action == null || action.isEmpty()) {
                action = pagePath;
            }
            String body = m.group(2);
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(body);
            while (input.find()) {
                String a = input.group(1);
                String name = attribute(a, "name");
                String type = String.valueOf(attribute(a, "type")).toLowerCase(Locale.ROOT);
                if (name == null || type.equals("file")) {
                    continue;
                }
                if ((type.equals("checkbox") || type.equals("radio"))
                        && !a.toLowerCase(Locale.ROOT).contains("checked")) {
                    fields.putIfAbsent(name, null);
                    continue;
                }
                String value = attribute(a, "value");
                fields.put(name, value == null ? (type.equals("checkbox") ? "on" : "") : value);
            }
            Matcher select = SELECT.matcher(body);
            while (select.find()) {
                String name = attribute(select.group(1), "name");
                if (name == null) {
                    continue;
                }
                String chosen = null;
                Matcher option = OPTION.matcher(select.group(2));
                while (option.find()) {
                    String value = attribute(option.group(1), "value");
                    if (chosen == null
                            || option.group(1).toLowerCase(Locale.ROOT).contains("selected")) {
                        chosen = value == null ? "" : value;
                    }
                }
                fields.put(name, chosen == null ? "" : chosen);
            }
            Matcher textarea = TEXTAREA.matcher(body);
            while (textarea.find()) {
                String name = attribute(textarea.group(1), "name");
                if (name != null) {
                    fields.put(name, unescape(textarea.group(2)));
                }
            }
            Matcher button = BUTTON.matcher(body);
            while (button.find()) {
                String name = attribute(button.group(1), "name");
                if (name != null) {
                    fields.putIfAbsent(name, String.valueOf(attribute(button.group(1), "value")));
                }
            }
            fields.values().removeIf(java.util.Objects::isNull);
            forms.add(new Form(unescape(action), fields));
        }
        return forms;
    }

    static String csrf(String html) {
        Matcher meta =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]*)\"").matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        Matcher input = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]*)\"").matcher(html);
        return input.find() ? input.group(1) : null;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static String unescape(String text) {
        return text.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
