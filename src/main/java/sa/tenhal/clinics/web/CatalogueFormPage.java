package sa.tenhal.clinics.web;

import org.springframework.validation.BindingResult;

/** A catalogue form as the page submits it, which makes the request record the service checks. */
interface CatalogueFormPage<F> {

    /** The service's request, or null when a value could not be read (the errors are then in {@code errors}). */
    F toForm(BindingResult errors);

    /** The version the form was read at, to notice a concurrent change. */
    long getVersion();
}
