/**
 * The rules an alias (a CNAME) must keep, each with the RFC that states it: {@link
 * org.dnschase.resolver.rules.AliasRule} names them, {@link org.dnschase.resolver.rules.AliasCheck}
 * applies them to the records at one owner name and says which record types' targets may not be
 * aliases. The resolver's diagnostics and the testkit's zone check both come from here, so the two
 * cannot disagree.
 */
package org.dnschase.resolver.rules;
