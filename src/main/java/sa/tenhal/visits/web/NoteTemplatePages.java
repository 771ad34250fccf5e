package sa.tenhal.visits.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.StaleVersionException;
import sa.tenhal.visits.NoteTemplate;
import sa.tenhal.visits.NoteTemplates;

/**
 * The note templates a clinic edits, one per discipline: what a new visit's note starts from (SOAP headings, a
 * therapy's usual goals, one per line). Managers and admins, next to the rest of the catalogue.
 */
@Controller
@RequestMapping("/admin/catalogue/note-templates")
@PreAuthorize(VisitsController.MANAGERS)
class NoteTemplatePages {

    private static final int REASON = 500;
    private static final int TEXT = 5000;

    private final NoteTemplates templates;

    NoteTemplatePages(NoteTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "visits/templates";
    }

    @PostMapping("/{discipline}")
    String save(
            @PathVariable Discipline discipline,
            @RequestParam(defaultValue = "0") long version,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : new String[] {
            "reason", "subjective", "objective", "assessment", "plan", "goals", "activities", "homeProgramme"
        }) {
            String value = form.get(field);
            values.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        try {
            values.forEach((field, value) -> {
                int max = field.equals("reason") ? REASON : TEXT;
                if (value != null && value.length() > max) {
                    throw new InvalidFieldsException(field, "must be at most " + max + " characters");
                }
            });
            templates.update(
                    discipline,
                    version,
                    new NoteTemplate(
                            discipline,
                            null,
                            values.get("reason"),
                            values.get("subjective"),
                            values.get("objective"),
                            values.get("assessment"),
                            values.get("plan"),
                            values.get("goals"),
                            values.get("activities"),
                            values.get("homeProgramme"),
                            0));
            redirect.addFlashAttribute("notice", "catalogue.saved");
        } catch (InvalidFieldsException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/catalogue/note-templates#" + discipline.name();
    }
}
