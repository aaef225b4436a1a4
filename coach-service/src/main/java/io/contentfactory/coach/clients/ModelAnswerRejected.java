package io.contentfactory.coach.clients;

/** A model's answer the coach will not use: no answer in time, not the JSON asked for, or outside its schema. */
public class ModelAnswerRejected extends RuntimeException {

    public ModelAnswerRejected(String reason) {
        super(reason);
    }
}
