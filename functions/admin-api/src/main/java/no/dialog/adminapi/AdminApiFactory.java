package no.dialog.adminapi;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.dialog.core.template.TemplatePreview;
import no.dialog.core.template.TemplateRenderer;

/** Core objects the admin API uses that are not adapters (core has no Micronaut annotations). */
@Factory
public class AdminApiFactory {

    /** Shares the JVM-wide compiled-template cache, so a preview after a save compiles nothing again. */
    @Singleton
    TemplatePreview templatePreview() {
        return new TemplatePreview(new TemplateRenderer());
    }
}
