package sa.tenhal.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.ProblemException;

/**
 * Every API error as an RFC 9457 problem. Field validation answers 422 and lists every invalid field with its reason;
 * unreadable JSON answers 400. Unexpected failures answer a bare 500 whose body reveals nothing. Requests for pages
 * (outside {@code /api}) get the error page instead, in the user's language, for every status (see {@link ErrorPages}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static URI type(String slug) {
        return URI.create("urn:tenhal:problem:" + slug);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, WebRequest request) throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(type(e.type()));
        body.setTitle(e.title());
        e.properties().forEach(body::setProperty);
        return answer(ResponseEntity.status(e.status()).body(body), request);
    }

    /**
     * Pages get the error page (by status, in the user's language, naming the field if the problem names one); the API
     * gets the problem.
     */
    private static <T> ResponseEntity<T> answer(ResponseEntity<T> problem, WebRequest request) throws IOException {
        if (request instanceof ServletWebRequest servlet
                && !ErrorPages.isApi(servlet.getRequest())
                && servlet.getResponse() != null) {
            if (problem.getBody() instanceof ProblemDetail detail
                    && detail.getProperties() != null
                    && detail.getProperties().get("field") != null) {
                servlet.getRequest()
                        .setAttribute(ErrorPages.FIELD, detail.getProperties().get("field"));
                servlet.getRequest().setAttribute(ErrorPages.REASON, detail.getDetail());
            }
            servlet.getResponse().sendError(problem.getStatusCode().value());
            return null;
        }
        return problem;
    }

    /** {@link #answer} for the handlers inherited from Spring, which may not throw {@link IOException}. */
    private static ResponseEntity<Object> answerUnchecked(ResponseEntity<Object> problem, WebRequest request) {
        try {
            return answer(problem, request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e, WebRequest request)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.PRECONDITION_FAILED,
                "The record was changed by someone else at the same time; read it again");
        body.setType(type("stale-version"));
        body.setTitle("Stale version");
        return answer(ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(body), request);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<ProblemDetail> unknownSort(PropertyReferenceException e, WebRequest request) throws IOException {
        return answer(
                invalidFields(
                        List.of(new FieldProblem("sort", "cannot sort by '" + e.getPropertyName() + "'")),
                        HttpStatus.BAD_REQUEST),
                request);
    }

    /**
     * A part the handler needs is missing because the request is not {@code multipart/form-data} at all (an upload
     * too large has its own, closer handler: 413).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e, WebRequest request) throws IOException {
        return answer(
                invalidFields(
                        List.of(new FieldProblem("body", "must be multipart/form-data with the file")),
                        HttpStatus.BAD_REQUEST),
                request);
    }

    /** What the firewall refuses when a part of the request is first read (the guard refuses most of it earlier). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, WebRequest request) throws IOException {
        return answer(
                invalidFields(List.of(new FieldProblem("request", "was rejected as unsafe")), HttpStatus.BAD_REQUEST),
                request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, WebRequest request)
            throws IOException {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return answer(invalidFields(errors, HttpStatus.UNPROCESSABLE_CONTENT), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, WebRequest request) throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this");
        body.setType(type("forbidden"));
        body.setTitle("Forbidden");
        return answer(ResponseEntity.status(HttpStatus.FORBIDDEN).body(body), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, WebRequest request) throws IOException {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in or send a valid bearer token");
        body.setType(type("unauthorized"));
        body.setTitle("Unauthorized");
        return answer(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(body), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) throws IOException {
        if (DatabaseUnavailable.is(e)) {
            log.warn("The database cannot be reached ({})", e.toString());
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached at the moment. Try again shortly (with the same Idempotency-Key for a write)");
            body.setType(type("database-unavailable"));
            body.setTitle("Service Unavailable");
            return answer(
                    ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .header("Retry-After", "10")
                            .body(body),
                    request);
        }
        // The stack trace helps operators; exception messages never carry row values (see DatabaseConfiguration).
        log.error("Unexpected failure: {}", e.getClass().getName(), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed");
        body.setType(type("internal-error"));
        body.setTitle("Internal error");
        return answer(ResponseEntity.internalServerError().body(body), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldProblem::field));
        return answerUnchecked(asObject(invalidFields(errors, HttpStatus.UNPROCESSABLE_CONTENT)), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? fe.getField() : name;
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        errors.sort(Comparator.comparing(FieldProblem::field));
        return answerUnchecked(asObject(invalidFields(errors, HttpStatus.UNPROCESSABLE_CONTENT)), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, MalformedJson.describe(e));
        body.setType(type("malformed-request"));
        body.setTitle("Malformed request");
        MalformedJson.field(e).ifPresent(field -> body.setProperty("field", field));
        return answerUnchecked(ResponseEntity.badRequest().body(body), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large");
        body.setType(type("too-large"));
        body.setTitle("Too large");
        return answerUnchecked(
                ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(type(slug(statusCode)));
        }
        // every handler inherited from Spring (unknown path, wrong method, a parameter of the wrong type…) ends here
        return answerUnchecked(super.createResponseEntity(body, headers, statusCode, request), request);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase().replace('_', '-');
    }

    private static ResponseEntity<ProblemDetail> invalidFields(List<FieldProblem> errors, HttpStatus status) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type(status == HttpStatus.BAD_REQUEST ? "malformed-request" : "invalid-fields"));
        body.setTitle(status == HttpStatus.BAD_REQUEST ? "Malformed request" : "Invalid fields");
        body.setProperty("errors", errors);
        return ResponseEntity.status(status).body(body);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
