/**
 * What an event is on its way in ({@link dev.ordo.core.event.EventData}) and on its way out
 * ({@link dev.ordo.core.event.RecordedEvent}), stream names, metadata, stable type names and the serializer port.
 */
package dev.ordo.core.event;
