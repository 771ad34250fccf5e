package sa.tenhal.patients.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import sa.tenhal.patients.NotInCareTeamException;
import sa.tenhal.platform.ProblemResponses;

/**
 * A clinician refused a patient outside their care team: on a page, the refusal offers to break the glass for that
 * patient (a form asking why); the API answers its usual problem, which names where to break it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotInCareTeamAdvice {

    @ExceptionHandler(NotInCareTeamException.class)
    ModelAndView notInCareTeam(NotInCareTeamException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemResponses.write(response, e.status(), e.type(), e.title(), e.getMessage(), e.properties());
            return new ModelAndView();
        }
        // forwarded, so that the page is drawn as any other page is (with its layout's model), but answered as 403
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return new ModelAndView("forward:/patients/" + e.patient().value() + "/break-glass");
    }
}
