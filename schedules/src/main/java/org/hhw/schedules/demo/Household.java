package org.hhw.schedules.demo;

import java.util.List;

/** A registered household: its head first, then the other members. */
public record Household(String number, String township, String village, List<Person> members) {

    public Household {
        members = List.copyOf(members);
    }

    public Person head() {
        return members.get(0);
    }
}
