package org.helpline.sms;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A number that asked for no more texts, known only by its keyed hash ({@link NumberHash}). */
@MappedEntity("sms_opt_out")
record OptOut(@Id String numberHash, Instant optedOutAt) {
}
