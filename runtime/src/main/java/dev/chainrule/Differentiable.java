package dev.chainrule;

public @interface Differentiable {}
