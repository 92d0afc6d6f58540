/** What generated workspaces keep between {@code forward} and {@code backward} for their loops. */
package dev.chainrule.tape;
