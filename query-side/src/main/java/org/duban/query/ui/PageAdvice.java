package org.duban.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.actor.Actor;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page needs (the signed-in user, the current address for the language switch) and
 * the pages' failures as a friendly page with the stable error code, never a stack trace.
 * Limited to the page controllers; the API keeps its problem details (ProblemDetailsAdvice).
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("me")
    Actor me() {
        return CurrentActor.get().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(DomainRefusal.class)
    ModelAndView refused(DomainRefusal e, HttpServletResponse response) {
        return errorPage(response, e.code(), e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class})
    ModelAndView badParameter(Exception e, HttpServletResponse response) {
        return errorPage(response, ErrorCode.VALIDATION_FAILED, "A parameter in the address is missing or has the wrong form.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Page failed", e);
        return errorPage(response, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
    }

    private ModelAndView errorPage(HttpServletResponse response, ErrorCode code, String detail) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("code", code.name());
        page.addObject("status", code.httpStatus());
        page.addObject("detail", detail);
        page.addObject("me", CurrentActor.get().orElse(null));
        response.setStatus(code.httpStatus());
        return page;
    }
}
