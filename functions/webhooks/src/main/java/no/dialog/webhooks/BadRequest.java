package no.dialog.webhooks;

/** A payload that is refused whole (400) with a reason that says where it is wrong; nothing was published. */
final class BadRequest extends RuntimeException {

    BadRequest(String reason) {
        super(reason);
    }
}
