package io.feiyan.dispatch.service;

import java.util.function.Predicate;

/**
 * An operator acting on a case by hand: who they are (recorded with the decision and on its event), and
 * whether a village, town or county code lies in their region. The hand actions check the case's region
 * under its lock, before they change anything.
 */
public record Operator(String id, Predicate<String> covers) {
}
