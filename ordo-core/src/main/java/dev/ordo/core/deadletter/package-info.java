/**
 * Dead letters: messages whose handling kept failing, kept with their error and every attempt so that an operator
 * can inspect them, hand them over again ({@link dev.ordo.core.deadletter.DeadLetterRedriver}) or discard them. Start
 * from {@link dev.ordo.core.deadletter.DeadLetterStore} and {@link dev.ordo.core.deadletter.DeadLetterPolicy}.
 */
package dev.ordo.core.deadletter;
