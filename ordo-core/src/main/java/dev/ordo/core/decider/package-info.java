/** Domain logic as pure functions: {@code decide(command, state) -> events} and {@code evolve(state, event) -> state}. */
package dev.ordo.core.decider;
