package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A webhook event the Vipps sandbox will send once the request that caused it has been answered. */
record VippsEvent(String eventType, ObjectNode payload) {}
