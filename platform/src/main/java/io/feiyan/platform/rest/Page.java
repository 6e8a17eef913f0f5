package io.feiyan.platform.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: its items, which page it is (from 0), the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /**
     * The page and size a client asked for (their parameters declare {@code @PageNumber} and {@code @PageSize}),
     * defaulting to the first page of 20.
     */
    public static Request request(Integer page, Integer size) {
        return new Request(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public record Request(int page, int size) {
    }
}
