package noc.console;

import java.io.IOException;
import java.io.StringWriter;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Thymeleaf, rendered before the response is written. Micronaut Views hands the server a
 * {@link Writable} that renders only once the status line is sent, so a template error there leaves
 * the browser waiting until it gives up (micronaut-views#832). Rendered here into a buffer, a
 * template error is thrown while the response can still become a 500 (answered without its text by
 * {@code UnexpectedErrorHandler}, which logs it). A page is small: the buffer costs nothing worth keeping.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class EagerViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    public EagerViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                              ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    @NonNull
    public Writable render(@NonNull String viewName, @Nullable T data, @Nullable HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException | RuntimeException e) {
            throw new ViewRenderingException("cannot render the view " + viewName, e);
        }
        String rendered = page.toString();
        return out -> out.write(rendered);
    }
}
