package sa.tenhal.visits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * The ICD-10 codes a diagnosis is chosen from: searched by code or by words, in English or Arabic. Tenhal ships a list
 * of what child-development and rehabilitation centres see most ({@code visits/icd10-common.csv}: developmental and
 * behavioural disorders, speech and language, motor, feeding, common paediatric conditions, the Z codes for
 * examinations and counselling — WHO ICD-10 codes and titles); a clinic loads its full list (e.g. its licensed
 * ICD-10-AM) from a CSV with the columns {@code code,title_en,title_ar}.
 */
@Service
public class Icd10Codes {

    static final String SHIPPED = "visits/icd10-common.csv";

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Icd10Codes(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Loads the shipped list once (a code already there is left as it is). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void loadShipped() {
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(SHIPPED).getInputStream(), StandardCharsets.UTF_8)) {
            for (Icd10Code code : parse(reader)) {
                jdbc.sql("""
                                insert into icd10_code (code, title_en, title_ar, shipped) values (:c, :en, :ar, true)
                                on conflict (code) do nothing
                                """)
                        .param("c", code.code())
                        .param("en", code.titleEn())
                        .param("ar", code.titleAr())
                        .update();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED, e);
        }
    }

    /**
     * Loads a clinic's list: every row is added, or replaces the titles of a code already known. Refuses the whole
     * file (nothing loaded) at its first bad row, naming the line. Returns how many codes it loaded.
     */
    @Transactional
    public int load(Reader csv) {
        List<Icd10Code> codes;
        try {
            codes = parse(csv);
        } catch (IOException e) {
            throw new InvalidFieldsException("file", "could not be read");
        }
        for (Icd10Code code : codes) {
            jdbc.sql("""
                            insert into icd10_code (code, title_en, title_ar, shipped) values (:c, :en, :ar, false)
                            on conflict (code) do update set title_en = excluded.title_en, title_ar = excluded.title_ar
                            """)
                    .param("c", code.code())
                    .param("en", code.titleEn())
                    .param("ar", code.titleAr())
                    .update();
        }
        events.publishEvent(new Icd10ListLoaded(codes.size(), clock.instant()));
        return codes.size();
    }

    /** One code, if known. */
    public Optional<Icd10Code> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("select code, title_en, title_ar from icd10_code where code = :c")
                .param("c", code.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Icd10Code(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * Codes matching {@code query}: a code's beginning ({@code F80}, {@code f80.1}) or words in either language,
     * every word somewhere in the title ({@code language disorder}, {@code اضطراب اللغة}); codes first, at most
     * {@code limit}.
     */
    public List<Icd10Code> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder where = new StringBuilder("code like :prefix");
        StringBuilder titles = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            titles.append(i == 0 ? "" : " and ")
                    .append("(lower(title_en) like :w")
                    .append(i)
                    .append(" or title_ar like :w")
                    .append(i)
                    .append(")");
        }
        where.append(" or (").append(titles).append(")");
        var spec = jdbc.sql("select code, title_en, title_ar from icd10_code where " + where
                        + " order by (code like :prefix) desc, code limit :limit")
                .param("prefix", escape(q.toUpperCase(Locale.ROOT)) + "%")
                .param("limit", Math.max(1, Math.min(limit, 50)));
        for (int i = 0; i < words.length; i++) {
            spec = spec.param("w" + i, "%" + escape(words[i]) + "%");
        }
        return spec.query((rs, n) -> new Icd10Code(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Reads {@code code,title_en,title_ar} rows (a header row is skipped; fields may be quoted). */
    static List<Icd10Code> parse(Reader source) throws IOException {
        List<Icd10Code> codes = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || (number == 1 && line.toLowerCase(Locale.ROOT).startsWith("code,"))) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() != 3) {
                throw new InvalidFieldsException(
                        "file", "line " + number + ": needs code, English title, Arabic title");
            }
            String code = fields.get(0).strip().toUpperCase(Locale.ROOT);
            if (!code.matches(Icd10Code.PATTERN)) {
                throw new InvalidFieldsException("file", "line " + number + ": not an ICD-10 code: " + code);
            }
            String en = fields.get(1).strip();
            String ar = fields.get(2).strip();
            if (en.isEmpty() || en.length() > 300 || ar.isEmpty() || ar.length() > 300) {
                throw new InvalidFieldsException("file", "line " + number + ": titles need 1 to 300 characters");
            }
            codes.add(new Icd10Code(code, en, ar));
        }
        return codes;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
