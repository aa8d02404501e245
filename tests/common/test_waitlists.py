from common.waitlists import promote_in_order


def test_places_go_in_order_passing_over_who_cannot_take_one():
    places = {"left": 2}

    def confirm(entry):
        places["left"] -= 1

    promoted = promote_in_order(
        ["ana", "bo", "cy", "di"],
        has_room=lambda: places["left"] > 0,
        may_take=lambda entry: entry != "bo",
        confirm=confirm,
    )

    assert promoted == ["ana", "cy"]


def test_no_room_promotes_nobody():
    assert promote_in_order(["ana"], has_room=lambda: False, may_take=bool, confirm=print) == []
