package org.amamo.platform;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The REST API's answer to bad input: HTTP 400 with a problem document whose {@code errors} member lists
 * one entry per offending field, each saying what to fix. Applies to every controller under
 * {@code org.amamo}'s {@code /api/v1} endpoints (those annotated {@link ApiController}).
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalidFields(BindException exception) {
        return badRequest(fieldErrors(exception.getBindingResult()));
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException exception) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = exception.refusals().stream()
                .map(refusal -> new FieldMessage(refusal.field(), refusal.message(messages, locale)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatus(exception.status());
        problem.setType(URI.create("urn:amamo:refused"));
        problem.setDetail(errors.isEmpty() ? null : errors.get(0).message());
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        JsonProblems.Problem problem = JsonProblems.of(exception.getCause());
        return badRequest(List.of(new FieldMessage(problem.field(), text(problem.messageKey()))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException exception) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("api.error.media-type"));
        problem.setType(URI.create("urn:amamo:unsupported-media-type"));
        problem.setProperty("errors", List.of(new FieldMessage("Content-Type", text("api.error.media-type"))));
        return problem;
    }

    /** An upload over the container's limit that was noticed only by the controller's multipart resolver. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException exception) {
        long megabytes = Math.max(0, exception.getMaxUploadSize()) / (1024 * 1024);
        String message = messages.getMessage(
                "upload.request-too-large.detail", new Object[] {megabytes}, LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message);
        problem.setType(URI.create("urn:amamo:payload-too-large"));
        problem.setProperty("maxBytes", exception.getMaxUploadSize());
        problem.setProperty("errors", List.of(new FieldMessage("file", message)));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException exception) {
        return badRequest(List.of(new FieldMessage(exception.getName(), text("api.error.type-mismatch"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException exception) {
        return badRequest(List.of(new FieldMessage(exception.getParameterName(), text("validation.required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException exception) {
        return badRequest(List.of(new FieldMessage(exception.getHeaderName(), text("validation.required"))));
    }

    private List<FieldMessage> fieldErrors(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> fields = result.getFieldErrors().stream()
                .map(error -> new FieldMessage(error.getField(), messages.getMessage(error, locale)))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        List<FieldMessage> global = result.getGlobalErrors().stream()
                .map(error -> new FieldMessage("$", messages.getMessage(error, locale)))
                .toList();
        return Stream.concat(fields.stream(), global.stream()).toList();
    }

    private ProblemDetail badRequest(List<FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.error.invalid"));
        problem.setType(URI.create("urn:amamo:invalid-input"));
        problem.setProperty("errors", errors);
        return problem;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** One field's problem: a JSON path or form field name, and what to fix. */
    record FieldMessage(String field, String message) {}
}
