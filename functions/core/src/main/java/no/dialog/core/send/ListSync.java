package no.dialog.core.send;

/** What adding a person to a newsletter list changed at the provider. */
public enum ListSync {
    /** The provider did not know the person: a new subscriber on the list. */
    ADDED("added"),
    /** The provider knew the person (from another list): now on this list too, details and consent updated. */
    UPDATED("updated"),
    /** The person was on the list already; details and consent were refreshed. */
    ALREADY_SUBSCRIBED("already-subscribed");

    private final String jsonName;

    ListSync(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in responses and the ledger: {@code added}, {@code updated}, {@code already-subscribed}. */
    public String jsonName() {
        return jsonName;
    }
}
