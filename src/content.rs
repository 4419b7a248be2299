//! Page wording in one place, page by page, for trainers and policy colleagues to review.
//! Answer lists live with their types in `domain::case`; error messages in `domain::validate`;
//! blocker and advice messages in `domain::rules`.

pub const HONESTY: &str =
    "This tool supports, and does not replace, professional judgement and HMPPS policy.";
pub const DATA_ON_DEVICE: &str =
    "Cases are stored only in this browser on this device. Nothing is sent anywhere.";
/// The same, on a device where team sync is set up.
pub const DATA_SHARED: &str = "Cases are stored in this browser and shared with your court team through your team's server, sealed with your team passphrase. Nothing else is sent anywhere.";

pub mod list {
    pub const TITLE: &str = "Cases";
    pub const CREATE: &str = "Create a new case";
    pub const EMPTY: &str = "There are no cases on this device yet.";
    pub const PRACTISE: &str = "Practise with a fictional case";
    pub const NOT_MOVED: &str = "Nothing is lost: they are still kept where earlier versions of this app kept them, and are shown and saved as usual. The app tries again each time it opens. If this message stays, check the space left on \"Data on this device\".";
    pub const SEARCH: &str = "Search cases";
    pub const SEARCH_HINT: &str = "By name, court or case reference";
    pub const FILTERS: &str = "Filter cases";
    pub const FILTERS_HINT: &str = "Choose one or more: a case must match each. The number beside a filter counts the cases it finds on its own.";
    pub const CLEAR: &str = "Clear search and filters";
    pub const NONE_FOR_FILTERS: &str =
        "No cases match the filters you chose. Clear them to see every case.";
    pub const NONE_FOUND: &str =
        "No cases match. Check the spelling, or clear the search and filters.";
}

pub mod directory {
    pub const TITLE: &str = "Agency directory";
    pub const INTRO: &str = "The police forces and local authorities your team sends enquiries to: where each wants enquiries sent and how long it usually takes to reply. When you record an enquiry, you can choose the agency from here, or type one that is not listed.";
    pub const ON_DEVICE: &str = "The directory is kept in this browser on this device. To share it with your team, download it and import the file on each of their devices.";
    pub const SHARED: &str = "Team sync is on: the directory is shared with your team, sealed like your cases. What you add, change or remove here reaches their devices, and theirs reaches yours. Where two people changed the same agency, the later change is kept.";
    pub const POLICE: &str = "Police forces";
    pub const LOCAL_AUTHORITIES: &str = "Local authorities";
    pub const NO_POLICE: &str = "No police forces yet.";
    pub const NO_LOCAL_AUTHORITIES: &str = "No local authorities yet.";
    pub const ADD: &str = "Add an agency";
    pub const CHANGE_TITLE: &str = "Change an agency";
    pub const BACK: &str = "Back to the agency directory";
    pub const NAME: &str = "Name of the agency";
    pub const NAME_HINT: &str =
        "As your team knows it, for example Northshire Police or Southshire Council";
    pub const KIND: &str = "Type of agency";
    pub const SEND_BY: &str = "How does your team send enquiries to it?";
    pub const EMAIL: &str = "Email address";
    pub const SECURE_EMAIL: &str = "Secure email address";
    pub const SECURE_EMAIL_HINT: &str = "For example, an address ending .cjsm.net";
    pub const PORTAL_NOTE: &str = "How to send an enquiry through the portal";
    pub const PORTAL_NOTE_HINT: &str = "For example, Use the MASH portal, team code 4471";
    pub const REPLY_DAYS: &str = "Usual reply time in working days (optional)";
    pub const REPLY_DAYS_HINT: &str = "For example, 5";
    pub const SAVE: &str = "Save agency";
    pub const HOW: &str = "How to send";
    pub const REPLY: &str = "Usual reply time";
    pub const NOT_RECORDED: &str = "Not recorded";
    pub const REMOVE_WHY: &str = "Enquiries already recorded keep the agency's name as it was typed. The agency will no longer be offered when you record an enquiry on this device.";
    pub const REMOVE_YES: &str = "Yes, remove it";
    pub const REMOVE_NO: &str = "No, keep it";
    pub const SHARE: &str = "Download the directory";
    pub const SHARE_WHY: &str = "Download the directory as a file to give it to colleagues or keep a copy. It holds agencies' names and addresses only, no case details.";
    pub const SHARE_EMPTY: &str = "There is nothing to download yet: add an agency first.";
    pub const DOWNLOADED: &str = "The directory has been saved to your downloads.";
    pub const IMPORT: &str = "Import a directory file";
    pub const IMPORT_WHY: &str = "Choose a file made with \"Download the directory\" on this or another device. The whole file is checked first: if anything in it is wrong, nothing here changes.";
    pub const IMPORT_MERGE: &str = "An agency in the file that is not here is added. One already here (the same type and name) takes the details in the file. Agencies that are only on this device are kept: remove them here if the team no longer uses them.";
    pub const UPLOAD: &str = "Upload a directory file";
    pub const UPLOAD_HINT: &str = "A .json file, at most 1 MB";
    pub const SAVE_FULL: &str = "The directory could not be saved: this browser's storage for the app is full. Delete cases you no longer need, then try again.";
    pub const SAVE_REFUSED: &str = "The directory could not be saved: the browser refused to store it. Check that this site may store data, then try again.";
    /// Beside an enquiry's agency, when the directory has agencies of its kind.
    pub const PICK_HINT: &str = "Choose from your team's directory, or type the name";
    /// On "Data on this device".
    pub const DATA_WHY: &str = "The police forces and local authorities your team sends enquiries to, with their addresses and usual reply times. You choose an agency from it when you record an enquiry, and share it with your team as a file.";
}

pub mod hearing {
    pub const NEW_TITLE: &str = "Create a new case";
    pub const TITLE: &str = "Hearing, risk and orders";
    pub const PERSON: &str = "The person";
    pub const NAME: &str = "Full name";
    pub const DOB: &str = "Date of birth";
    pub const DOB_HINT: &str = "For example, 27 3 1990";
    pub const CRN: &str = "CRN (optional)";
    pub const CRN_HINT: &str =
        "The case reference number: a letter followed by 6 digits, for example X123456";
    pub const PNC: &str = "PNC ID (optional)";
    pub const PNC_HINT: &str =
        "For example, 2003/0012345B or 03/12345B. The last letter is checked against the rest";
    pub const OTHER_NAMES: &str = "Other names used (optional)";
    pub const OTHER_NAMES_HINT: &str = "One on each line: earlier surnames, nicknames, aliases and other spellings. The police and children's services search by these too";
    pub const LIVES: &str = "Where the person lives now";
    pub const LIVES_HINT: &str = "Agencies trace the person by their addresses. A proposed curfew address is recorded later, in its own section.";
    pub const LINE_1: &str = "Address line 1 (optional)";
    pub const LINE_2: &str = "Address line 2 (optional)";
    pub const TOWN: &str = "Town or city (optional)";
    pub const POSTCODE: &str = "Postcode (optional)";
    pub const PREVIOUS: &str = "Previous addresses in the last 2 years (optional)";
    pub const PREVIOUS_HINT: &str = "One on each line, with when they lived there. For example, 4 Mill Row, Northtown NT1 7MR, 2023 to March 2025";
    pub const HEARING: &str = "The hearing";
    pub const COURT: &str = "Court";
    pub const HEARING_DATE: &str = "Hearing date";
    pub const REPORT_TYPE: &str = "Type of report";
    pub const CURFEW: &str = "Is an electronically monitored curfew being considered?";
    pub const OFFENCES: &str = "Offences";
    pub const OFFENCE: &str = "Offence";
    pub const OFFENCE_HINT: &str = "For example, arson or theft from a shop";
    pub const OFFENCE_DATE: &str = "Date of offence";
    pub const CONVICTION_DATE: &str = "Date of conviction";
    pub const CONVICTION_HINT: &str = "This decides the curfew limits. For example, 2 11 2026";
    pub const DA_RELATED: &str = "Is this offence related to domestic abuse?";
    pub const ADD_OFFENCE: &str = "Add another offence";
    pub const ROSH_OPTIONAL: &str = "Risk of serious harm (optional)";
    pub const ORDERS_OPTIONAL: &str = "Orders protecting others (optional)";
    pub const NEW_RISK_HINT: &str = "If you do not know yet, leave these and answer them later under \"Hearing, risk and orders\" on the task list.";
    pub const ROSH: &str = "Risk of serious harm";
    pub const ROSH_HINT: &str = "As currently assessed. Choose 'Not yet assessed' if it has not been done: a curfew cannot be found suitable until it is.";
    pub const ROSH_CHILDREN: &str = "Risk to children";
    pub const ROSH_PUBLIC: &str = "Risk to the public";
    pub const ROSH_KNOWN_ADULT: &str = "Risk to a known adult";
    pub const ROSH_STAFF: &str = "Risk to staff";
    pub const ORDERS: &str = "Orders protecting others";
    pub const ORDERS_QUESTION: &str = "Does any order protect someone from this person?";
    pub const ORDERS_HINT: &str = "Restraining, non-molestation, occupation or domestic abuse protection orders, bail conditions or child arrangements orders";
    pub const ORDER_KIND: &str = "Type of order";
    pub const ORDER_PROTECTS: &str = "Name of the person it protects";
    pub const ORDER_RELATIONSHIP: &str = "Their relationship to the person being sentenced";
    pub const ORDER_PLACE: &str =
        "Does the person it protects live at or visit a proposed curfew address?";
    pub const ORDER_SOURCE: &str = "Where did you learn of this order?";
    pub const ADD_ORDER: &str = "Add an order";
}

pub mod child_contact {
    pub const TITLE: &str = "Child contact";
    pub const INTRO: &str = "Answer each question and say where the answer came from. An answer that rests only on the person's own account must be checked with someone else (recommendation 3).";
    pub fn question(q: crate::domain::case::ChildQuestion, name: &str) -> String {
        use crate::domain::case::ChildQuestion::*;
        match q {
            LivesWith => format!("Does {name} live with any child?"),
            ResponsibleFor => format!("Does {name} have responsibility for any child?"),
            HasAccess => format!("Does {name} have access to any child?"),
            NegativeImpact => format!(
                "Is {name} likely to have a negative impact on the wellbeing or safety of any child?"
            ),
        }
    }
    pub const HINT_VISITING: &str = "Include children who visit, and children of a partner.";
    pub const SAME_PLACE: &str = "Did all four answers on this page come from the same place?";
    pub const SAME_PLACE_HINT: &str = "For example, all from the police and children's services checks. If not, you will be asked for each answer.";
    pub const SAME_PLACE_NO: &str = "No, I will say for each answer";
    pub const ALL_SOURCES: &str = "Where did the answers come from?";
    pub const SELECT_ALL_SOURCES: &str = "Select where the answers came from";
}

pub mod police {
    pub const TITLE: &str = "Police domestic abuse enquiry";
    pub const INTRO: &str = "Domestic abuse enquiries are needed for everyone sentenced (recommendation 1). Since April 2022 HMPPS requires police domestic abuse information in every case where an electronically monitored curfew is recommended.";
    pub const AGENCY: &str = "Police force";
}

pub mod childrens_services {
    pub const TITLE: &str = "Children's services enquiry";
    pub const INTRO: &str = "Make one enquiry to each local authority where a relevant child lives, including children who visit. Local-authority safeguarding information is required in every case where a curfew is recommended.";
    pub const AGENCY: &str = "Local authority";
    pub const CHILDREN: &str = "Children the enquiry covers";
    pub const CHILDREN_HINT: &str =
        "Names and ages, and whether they live with or visit the person";
    pub const ADD: &str = "Add an enquiry to another local authority";
    pub const ADD_FIRST: &str = "Add a children's services enquiry";
}

pub mod places {
    pub const TITLE: &str = "Proposed curfew addresses";
    pub const INTRO: &str =
        "Add each place the person would be curfewed to. Different days may have different places.";
    pub const ADD: &str = "Add a proposed address";
    pub const PLACE_TITLE: &str = "Proposed curfew address";
    pub const ADDRESS: &str = "Address";
    pub const LINE_1: &str = "Address line 1";
    pub const LINE_2: &str = "Address line 2 (optional)";
    pub const TOWN: &str = "Town or city";
    pub const POSTCODE: &str = "Postcode";
    pub const DATE_OF_BIRTH: &str = "Date of birth (optional)";
    pub const DATE_OF_BIRTH_HINT: &str =
        "If known: agencies use it to find the right record. For example, 27 3 1990";
    pub const TENURE: &str = "Tenure";
    pub const ASSESSED_BY: &str = "How was the address assessed?";
    pub const HOUSEHOLD: &str = "Who lives there";
    pub const HOUSEHOLD_HINT: &str = "Add every resident, adults and children. Leave the list empty if the person would live there alone.";
    pub const RESIDENT_NAME: &str = "Full name";
    pub const RESIDENT_AGE: &str = "Age";
    pub const RESIDENT_RELATIONSHIP: &str = "Relationship to the person";
    pub const ADD_RESIDENT: &str = "Add a resident";
    pub const VISITORS: &str = "Children who visit";
    pub const ADD_VISITOR: &str = "Add a child who visits";
    pub const HOUSEHOLD_SOURCES: &str = "How do you know who lives there?";
    pub const OCCUPIER: &str = "Who is the main occupier?";
    pub const OCCUPIER_HINT: &str = "The tenant or owner who holds the home: an adult, named. For a hostel or approved premises, its manager. Their agreement is needed for the monitoring equipment.";
    pub const OCCUPIER_RESIDENT: &str = "Which resident?";
    pub const OCCUPIER_NAME: &str = "Main occupier's name";
    pub const OCCUPIER_ROLE: &str = "Their role";
    pub const OCCUPIER_ROLE_HINT: &str = "For example, landlord or hostel manager";
    pub const VICTIM: &str = "Does any victim or potential victim of the person live there?";
    pub const VICTIM_HINT: &str =
        "Answer from police or domestic abuse information, not the person's own account.";
    pub const CALLOUT: &str = "Police call-out check on the address";
    pub const CS_CHECK: &str = "Children's services check on the address";
    /// Above each of the address's two checks: they need not be typed here.
    pub const CHECK_DRAFTED: &str = "If you have not asked yet, leave this blank. The app drafts the request under \"Enquiries and replies\" on the task list, fills this in when you mark it as sent, and asks for the reply there.";
    pub const MONITORING: &str = "Electronic monitoring";
    pub const EM_AVAILABLE: &str = "Is electronic monitoring available at this address?";
    pub const ELECTRICITY: &str = "Is a reliable electricity supply confirmed?";
    pub const EQUIPMENT: &str =
        "Does the main occupier agree to the monitoring equipment being installed?";
}

pub mod consent {
    pub const TITLE: &str = "Consent of adult residents";
    pub const INTRO: &str = "Speak to each adult who lives at a proposed address, and to a main occupier who lives elsewhere, yourself: not through the person being sentenced. Their informed consent is needed before a curfew can be found suitable (recommendation 6).";
    pub const CONTACTED: &str =
        "Did you contact them directly, not through the person being sentenced?";
    pub const METHOD: &str = "How did you contact them?";
    pub const CONTACT_DATE: &str = "Date of contact";
    pub const CONTACT_DATE_HINT: &str = "Filled in as today when you choose how you contacted them: change it if it was another day. For example, 27 3 2026";
    pub const PRIVATELY: &str = "Did you speak to them privately, without the person present?";
    pub const TOLD: &str = "What did you tell them?";
    pub const TOLD_HINT: &str =
        "Select all that apply. Their consent counts only once they have been told all four.";
    pub const ATTITUDE: &str = "Their attitude to the curfew, in their own words";
    pub const FEAR: &str = "Did they show any sign of fear or pressure?";
    pub const FEAR_DETAILS: &str = "What did you notice?";
    pub const DECISION: &str = "Their decision";
    pub const DECISION_DATE: &str = "Date of their decision";
    pub const DECISION_DATE_HINT: &str = "Filled in as the date of contact when you record their decision: change it if they decided on another day. For example, 27 3 2026";
    pub const DECISION_TIME: &str = "Time of their decision";
    pub const DECISION_TIME_HINT: &str = "Use the 24-hour clock, for example 14:30";
    pub const YOUNG_VIEWS: &str =
        "You may also record the views of 16 and 17 year olds who live there.";
    pub const AGREEING_TO: &str = "What they are asked to agree to";
    pub const NO_HOURS_YET: &str = "The curfew hours for this address are not set yet. Set them on the curfew schedule page before you ask: consent is for particular hours.";
    pub const ASK_AGAIN: &str = "Given for different hours (or address): ask again";
    pub const AGREED_TO: &str = "They agreed to";
    pub const NOW_PROPOSED: &str = "Now proposed";
    pub const ASK_AGAIN_HOW: &str =
        "Ask them again. If they agree, record the date and time of their new decision below.";
}

pub mod schedule {
    pub const TITLE: &str = "Curfew schedule";
    pub const START: &str = "Start date";
    pub const START_AT_HEARING: &str = "Start on the day of sentence: ";
    pub const LENGTH: &str = "Length of the curfew";
    pub const LENGTH_UNIT: &str = "Days, weeks or months";
    pub const ORDER_MONTHS: &str = "Length of the order, in months (optional)";
    pub const ORDER_MONTHS_HINT: &str = "The curfew should end within the order";
    pub const WINDOWS: &str = "Curfew hours";
    pub const WINDOWS_HINT: &str = "Add a period for each set of hours. A period may run past midnight, for example 19:00 to 07:00: it counts in full on the day it starts.";
    pub const FROM: &str = "From";
    pub const TO: &str = "To";
    pub const FROM_HINT: &str = "24-hour clock, for example 19:00";
    pub const TO_HINT: &str = "24-hour clock, for example 07:00";
    pub const DAYS: &str = "Days";
    pub const PLACE: &str = "Address";
    pub const ADD_WINDOW: &str = "Add curfew hours";
    pub const CLASHES: &str = "Would these hours clash with any of these?";
    pub const CLASHES_HINT: &str = "Advice only. Select all that apply";
    pub const CLASH_DETAILS: &str = "Details (optional)";
}

pub mod outcome {
    pub const TITLE: &str = "Outcome";
    pub const DECISION: &str = "What is your finding on the curfew?";
    pub const RATIONALE: &str = "Your rationale";
    pub const RATIONALE_HINT: &str = "For 'not suitable', the reason. This goes into the report.";
    pub const RECORD: &str = "Record outcome";
    pub const BLOCKED_TITLE: &str = "A curfew cannot be found suitable yet";
    pub const RULED_OUT_TITLE: &str = "A curfew cannot be found suitable";
    pub const RULED_OUT: &str =
        "Something has been found that rules a curfew out, and more time will not change it.";
    pub const NO_LONGER_STANDS: &str = "'Curfew suitable' was recorded, but checks became outstanding after that, so it no longer stands. Record the outcome again.";
    pub const CLEAR: &str = "Every required check is complete. A curfew can be found suitable.";
}

pub mod training {
    pub const START_TITLE: &str = "Practise with a fictional case";
    pub const START_INTRO: &str = "Rehearse the checks on fictional cases, on the real pages and under the real rules. Each scenario scripts what the police and children's services reply, and when, on a clock you move on one working day at a time; and what each person at the address says, which depends on how you ask them. A debrief at the end shows what was missed and which recommendation it breaks.";
    pub const APART: &str = "Training cases are kept apart from real ones: they never appear in the real case list, the gatekeeping queue, enquiries to chase, exports or reminders. Practising happens in this browser tab only; other tabs stay as they are.";
    pub const START: &str = "Start practising";
    /// A run that is gone, or another trainee's (which is not shown, even by its address).
    pub const CASE_NOT_FOUND: &str = "There is no practice case of yours at this address. It may have been restarted or deleted. Each trainee sees only the cases they started: check the name beside \u{201c}You:\u{201d} at the top of the page.";
    pub const RUN_NOT_FOUND: &str = "There is no practice run of yours at this address. It may have been restarted or deleted. Each trainee sees only their own runs: check the name beside \u{201c}You:\u{201d} at the top of the page.";
    pub const TITLE: &str = "Training";
    pub const WHO_HINT: &str = "Each trainee sees only their own practice runs: if someone else is practising on this device, change who is using it first (\"You:\" at the top of the page).";
    pub const NO_RUNS: &str = "You have not started a scenario yet.";
    pub const LOAD_LINK: &str = "Load a scenario from a file";
    pub const LEAVE: &str = "Leave training";
    pub const HOW_IT_WORKS: &str = "When you start, the case holds what the court list says. Send enquiries and speak to people from the practice run's page, move the clock on, and record what you learn on the case's pages, as you would for real.";
    pub const NEXT_DAY: &str = "Move to the next working day";
    pub const RECORD_ON_PAGES: &str =
        "Record what you learn on the case's own pages: nothing is filled in for you.";
    pub const ENQUIRIES_HINT: &str =
        "Replies arrive on the working day the scenario sets. Move the clock on to wait for them.";
    pub const PEOPLE_HINT: &str = "What someone says can depend on how you ask: through the person, directly with them there, or directly and privately.";
    pub const LOAD_TITLE: &str = "Load a scenario from a file";
    pub const LOAD_INTRO: &str = "Choose a scenario file. It is checked as the built-in scenarios are: every part present, every value one the app knows, and, played right, ending as the file says. A file with problems is refused with each of them listed, and nothing is stored.";
}

pub mod data {
    pub const TITLE: &str = "Data on this device";
    pub const WHERE: &str = "Cases are stored only in this browser, on this device, for this web address. Nothing is sent anywhere. Anyone who can use this browser on this device can open them, so keep the device locked.";
    pub const WHERE_SHARED: &str = "Cases are stored in this browser, on this device, for this web address, and shared with your court team through your team's server (see Team sync below), sealed so that the server cannot read them. Anyone who can use this browser on this device can open them, so keep the device locked.";
    pub const PERSISTENCE: &str = "If the device runs short of space";
    pub const ROOM: &str = "Space used";
    pub const ROOM_UNKNOWN: &str = "This browser does not say how much space the app uses.";
    pub const ROOM_RUNNING_OUT: &str = "Export and delete the cases you no longer need, or free space on the device, before saving more.";
    pub const PERSISTENCE_GRANTED: &str =
        "Persistent storage is granted: the browser will not clear these cases to make room.";
    pub const PERSISTENCE_REFUSED: &str = "Persistent storage is not granted: the browser may clear these cases if the device runs short of space. Download anything you must keep, and do not rely on this device alone.";
    pub const PERSISTENCE_WAITING: &str =
        "Asking the browser to keep these cases even if the device runs short of space.";
    pub const PERSISTENCE_UNKNOWN: &str = "This browser did not say whether it will keep these cases if the device runs short of space.";
    pub const RETENTION: &str = "How long cases are kept";
    pub const RETENTION_WHY: &str = "Cases hold sensitive information about victims and children. Once a case has been heard, delete it when you no longer need it. The app reminds you when a hearing was longer ago than the number of days below.";
    pub const RETENTION_DAYS: &str = "Remind me this many days after the hearing";
    pub const RETENTION_HINT: &str = "For example, 30";
    pub const DELETE_ALL: &str = "Delete all data on this device";
    pub const DELETE_ALL_WHY: &str = "Deletes every case, every set-aside entry, any case you had started creating and your settings, and all training: practice runs, their fictional cases and scenarios loaded here. Use it before a device is passed on.";
    pub const DELETE_ALL_WHY_TRAINING: &str = "Deletes the training on this device (practice runs, their fictional cases and scenarios loaded here) or, if you choose, everything on this device, real cases included. The next page says what each choice deletes.";
    pub const DELETE_TITLE: &str = "Are you sure you want to delete all data on this device?";
    pub const DELETE_TITLE_TRAINING: &str = "What do you want to delete from this device?";
    pub const DELETE_WHAT: &str = "What to delete";
    pub const DELETE_TRAINING_ONLY: &str = "Training only";
    pub const DELETE_REAL_TOO: &str = "Everything on this device, real cases included";
    pub const DELETE_TRAINING_BUTTON: &str = "Yes, delete training";
    pub const DELETE_EVERYTHING_BUTTON: &str = "Yes, delete everything";
    pub const DELETE_CHANGED: &str = "What is stored on this device changed since this page was opened, so nothing was deleted. Check what will be deleted now, then confirm again.";
}

pub mod team {
    pub const TITLE: &str = "Team sync";
    pub const INTRO: &str = "Team sync shares this device's cases with the rest of your court team through your team's server, so that your senior probation officer's gatekeeping queue fills with the team's cases and endorsements reach the officer's device. Your administrator gives you the server's address, your team database and your account.";
    pub const SEALED: &str = "Cases are sealed with your team passphrase before they leave this device. The team's server, and anyone who copies it, cannot read them: not a name, an address or an answer.";
    pub const OFF: &str = "Team sync is off. Cases are stored only on this device.";
    pub const ADDRESS: &str = "Team server address";
    pub const ADDRESS_HINT: &str =
        "As your administrator gave it, like /couchdb or https://team.example.org";
    pub const DATABASE: &str = "Team database";
    pub const DATABASE_HINT: &str = "For example, northshire-court-team";
    pub const NAME: &str = "Your user name";
    pub const NAME_HINT_TEAM: &str = "Leave your user name and password blank if your organisation signs you in to the team's server";
    pub const PASSWORD: &str = "Your password";
    pub const PASSWORD_HINT: &str =
        "It is sent to the team server to sign you in, and never stored on this device";
    pub const PASSPHRASE: &str = "Team passphrase";
    pub const PASSPHRASE_HINT: &str = "Everyone in your team uses the same one, of 10 characters or more: it seals cases before they leave this device, so anyone who guesses it can read what the team shares. It is not stored: only a key made from it, which cannot be read out of the browser";
    pub const KEY_RECORD_NOT_OURS: &str = "The team's passphrase check on the server has settings this app does not make, so this device did not use it. Nothing has been changed. Ask your administrator to check the team database";
    pub const WRONG_PASSPHRASE: &str = "The team passphrase is not right. Nothing has been changed. Check it with your team and try again";
    pub const KEY_REFUSED: &str = "The team server would not let this device read the team's passphrase check. Ask your administrator";
    pub const MADE: &str = "You are the first of your team to sign in: the team passphrase is now set. Give it to your team in person, never by email.";
    pub const SIGN_IN: &str = "Sign in";
    pub const SIGN_IN_AGAIN: &str = "Sign in to sync";
    pub const SIGN_IN_AGAIN_BODY: &str = "Sync runs in the background whenever the app is open. If the team server has signed you out, or this device's cases are protected with a passphrase and the app has been opened again, sign in here.";
    pub const STATUS: &str = "Sync";
    pub const LAST: &str = "Last synced";
    pub const NEVER: &str = "Not yet";
    pub const WAITING: &str = "Changes waiting to be sent";
    pub const COUNTING: &str = "Counting\u{2026}";
    pub const PROBLEM: &str = "Problem";
    pub const WHO_TITLE: &str = "Who is using this device?";
    pub const NOT_YET_SIGNED_IN: &str = "Your team's server has not yet said who is signed in. Your name and role will show here once it answers.";
    pub const WHO_FROM_SERVER: &str = "Your name and role come from your team's server: your administrator gives each account its role. They cannot be changed on this device while team sync is set up. Every change and decision you make is recorded against your account, and signed.";
    pub const WHO_SOMEONE_ELSE: &str =
        "If someone else needs to use this device, stop team sync on it first (";
    pub const SIGNING_KEY: &str = "Your signing key";
    pub const KEY_REGISTERED: &str = "Registered with your team. Your gatekeeping decisions, outcomes and history entries are signed, so every device of your team can check that they are yours.";
    pub const SIGNING_REFUSED: &str = "Your team's server refused it:";
    pub const SIGNING_REFUSED_AFTER: &str = "Your decisions will not count on other devices until it is registered. Tell your administrator.";
    pub const SYNC_NOW: &str = "Sync now";
    pub const RUNNING: &str = "Syncing in the background while the app is open.";
    pub const ELSEWHERE: &str = "Syncing in another tab of this app on this device.";
    pub const NOT_RUNNING: &str = "Not syncing: sign in below to sync.";
    pub const SIGNED_OUT: &str = "The team server has signed you out. Sign in again";
    pub const NO_KEY: &str = "Give the team passphrase to sync. Sign in again";
    pub const NOT_STORED: &str = "A case from your team could not be stored on this device. It will be tried again: check there is room on \"Data on this device\"";
    pub const CHANGED_HERE: &str = "A case from your team arrived while it was being saved on this device. It will be taken in the next round, in a few seconds";
    pub const SERVER: &str = "The team server gave an answer this app cannot use. It will try again; if this stays, tell your administrator";
    pub const REFUSED_ONE: &str =
        "1 version from the team's server was refused. Tell your administrator.";
    pub const REFUSED_MANY: &str =
        "versions from the team's server were refused. Tell your administrator.";
    pub const KEY_MISSING: &str = "The team's passphrase check is no longer on the team's server, so this device has stopped syncing. Nothing on this device has changed. Tell your administrator: someone may have deleted it";
    pub const KEY_CHANGED: &str = "The team's passphrase check on the team's server is not the one this device joined with, so this device has stopped syncing. Nothing on this device has changed. Tell your administrator: someone may have replaced it";
    pub const NO_TEAM: &str = "This team database has no team passphrase yet. If you are the first of your team to sign in, say so below, enter your password and team passphrase again, and sign in. If not, ask your administrator";
    pub const KEY_MISSING_SIGN_IN: &str = "The team's passphrase check is missing from the team's server, and this device joined the team before, so it did not make a new one. Nothing has been changed. Ask your administrator";
    pub const KEY_CHANGED_SIGN_IN: &str = "The team's passphrase check on the team's server is not the one this device joined with. Nothing has been changed. Ask your administrator whether your team has started again; if it has, stop team sync on this device, then sign in";
    pub const START: &str = "Are you starting your team?";
    pub const START_YES: &str =
        "Yes, I am the first of my team: set this team passphrase for everyone";
    pub const START_HINT: &str = "Everyone in your team will need this passphrase. Only choose this if your administrator has made a new team database for you.";
    pub const PROBLEMS_TITLE: &str = "Versions this device refused";
    pub const PROBLEMS_BODY: &str = "The team's server offered these versions and this device did not use them, so the cases here are as they were. Tell your administrator, giving the document and version of each: they can find them in the team's database and see who wrote them. Dismiss each one once it has been dealt with.";
    pub const WHAT_HAPPENED: &str = "What happened";
    pub const DOCUMENT: &str = "Document";
    pub const VERSION: &str = "Version";
    pub const FIRST_SEEN: &str = "First seen";
    pub const NO_CASE: &str = "A case not on this device";
    pub const WHY_UNREADABLE: &str = "It could not be opened with your team passphrase. It may have been damaged or tampered with.";
    pub const WHY_UNSEALED: &str = "A deletion made outside this app, not sealed with your team passphrase. The case was kept.";
    pub const WHY_ROLLBACK: &str = "An older version of the case offered as the current one. This may be tampering. Your version was kept.";
    pub const DISMISS: &str = "Dismiss";
    pub const CONFLICTS: &str = "Changed on this device and another at the same time";
    pub const CONFLICTS_BODY: &str = "Both versions are kept: this device's is shown, the other is on the team's server. Open each case to choose which answers to keep.";
    pub const VERSIONS_TITLE: &str = "Choose which answers to keep";
    pub const VERSIONS_INTRO: &str = "This case was changed on this device and on another device of your team while they could not reach each other. Both versions are kept until you choose. Whichever answers you keep, the history of changes keeps every entry from both, and the answers you do not keep are recorded in it.";
    pub const VERSIONS_TABLE: &str = "Where the two versions differ";
    pub const THIS_DEVICE: &str = "On this device";
    pub const OTHER_DEVICE: &str = "On the other device";
    pub const WHICH: &str = "Which answers do you want to keep?";
    pub const WHICH_HINT: &str = "If one version was endorsed by a senior probation officer and the other changed, keeping the changed answers revokes the endorsement: the case goes back for gatekeeping.";
    pub const KEEP_THIS: &str = "The answers on this device";
    pub const KEEP_OTHER: &str = "The answers from the other device";
    pub const CHOOSE: &str = "Select which answers to keep";
    pub const SETTLE: &str = "Keep these answers";
    pub const FETCHING: &str = "Getting the other version from the team's server.";
    pub const OTHER_UNREADABLE: &str = "The other version could not be read from the team's server. Try again later; if this stays, tell your administrator.";
    pub const NOT_IN_CONFLICT: &str = "This case has only one version: there is nothing to choose.";
    pub const TASK_BANNER: &str =
        "This case was changed on this device and another device of your team at the same time.";
    pub const TASK_LINK: &str = "Choose which answers to keep";
    pub const DELETE_WHERE: &str =
        "This case is shared with your team. Where do you want to delete it?";
    pub const DELETE_FOR_TEAM: &str = "For everyone in the team";
    pub const DELETE_FOR_TEAM_HINT: &str = "It is deleted from the team's server and from every device of the team when it next syncs. A device where it was changed and not yet synced keeps it and shares it again.";
    pub const DELETE_HERE: &str = "Only on this device";
    pub const DELETE_HERE_HINT: &str =
        "The rest of the team keeps it. This device will not receive it again.";
    pub const DELETE_CHOOSE: &str = "Select where to delete the case";
    pub const DELETE_FOR_TEAM_HINT_MANY: &str = "They are deleted from the team's server and from every device of the team when it next syncs. A device where one was changed and not yet synced keeps it and shares it again.";
    pub const DELETE_HERE_HINT_MANY: &str =
        "The rest of the team keeps them. This device will not receive them again.";
    pub const DELETE_CHOOSE_MANY: &str = "Select where to delete the shared cases";
    pub const WORKING: &str = "Signing in to the team server.";
    pub const STOP: &str = "Stop team sync on this device";
    pub const STOPPED: &str = "Team sync is off on this device. Your cases are still here.";
    pub const BLOCKED: &str = "This app can only connect to its own address, and to team servers named when it was installed. Use the address your administrator gave you";
    pub const UNREACHABLE: &str =
        "The team server could not be reached. Check the address, and that this device is online";
    pub const NOT_COUCHDB: &str = "That address did not answer as a team server. Check the address";
    pub const NOT_SIGNED_IN_BY_ORGANISATION: &str = "Your team's server does not know who you are. Enter your user name and password, or sign in with your organisation's sign-in first";
    pub const WRONG_PASSWORD: &str =
        "The user name or password is not right. Check them and try again";
    pub const NO_DATABASE: &str =
        "There is no team database with that name on the server. Check the name";
    pub const NO_ACCESS: &str = "Your account does not have access to that team database. Ask your administrator to add you to it";
}

pub mod lock {
    pub const UNLOCK_TITLE: &str = "Enter your passphrase";
    pub const UNLOCK_INTRO: &str =
        "The cases on this device are protected with a passphrase. Enter it to open them.";
    pub const ENTER: &str = "Enter your passphrase";
    pub const WRONG: &str =
        "The passphrase is not right. Nothing has been changed. Check it and try again";
    pub const WORKING: &str = "Checking the passphrase. This takes a moment.";
    pub const FORGOTTEN: &str = "If you have forgotten the passphrase";
    pub const FORGOTTEN_HELP: &str = "Nobody can open the cases without it, not even your IT support. You can delete all data on this device and start again.";
    pub const PROTECTION: &str = "Passphrase protection";
    pub const OFF: &str = "The cases on this device are not protected with a passphrase. Anyone who can use this browser can read them. With a passphrase, they are stored encrypted, and opening the app needs the passphrase.";
    pub const ON: &str = "The cases on this device are protected with a passphrase: they are stored encrypted, and the app asks for the passphrase when it opens.";
    pub const HINT: &str = "At least 10 characters. A few unrelated words are easy to remember and hard to guess. If it is forgotten, the cases cannot be opened.";
    pub const TOO_SHORT: &str = "Passphrase must be 10 characters or more";
    pub const MISMATCH: &str = "The two passphrases are not the same";
    pub const NOT_TURNED_ON: &str = "Protection could not be turned on: this browser refused to store the passphrase check. Nothing has been changed";
}

pub mod enquiries {
    pub const TITLE: &str = "Enquiries and replies";
    pub const TO_SEND: &str = "To send";
    pub const REPLIES: &str = "Replies awaited";
    pub const REPLIES_INTRO: &str = "Record each reply here as it comes in. The date received is filled in as today when you choose what came back.";
    pub const NO_REPLIES: &str = "No enquiry is awaiting a reply. Each one you mark as sent is listed here, to record its reply.";
    pub const SAVE_REPLIES: &str = "Save replies";
    pub const INTRO: &str = "Each enquiry this case still needs, written from what the case holds: one to each police force and one to each local authority's children's services. Read each one through and send it the way that agency asks. Then choose \"Mark as sent\": the date it was sent, the date the reply is due and \"awaiting reply\" are recorded on every enquiry it covers. Nothing is sent from this app.";
    pub const DIRECTORY_NOTE: &str = "Where to send each one comes from your team's ";
    pub const DIRECTORY_LINK: &str = "agency directory";
    pub const NONE: &str = "There is nothing to send: every enquiry has a reply recorded, or is marked as not requested.";
    pub const SEND_TO: &str = "Send to";
    pub const COVERS: &str = "Asks about";
    pub const DUE: &str = "Reply needed by";
    pub const STATUS: &str = "Status";
    pub const NO_AGENCY: &str = "Agency not yet recorded: enter it below";
    pub const NOT_IN_DIRECTORY: &str = "Not in your team's agency directory: send it the usual way, or add the agency to the directory";
    pub const URGENT: &str = ". Urgent: sooner than this agency usually replies";
    pub const NO_DUE: &str =
        "Before sentence (record the hearing date and report type to work out the date)";
    pub const SENT_ON: &str = "Marked as sent on ";
    pub const NOT_SENT: &str = "Not sent yet";
    pub const FORCE_NOT_RECORDED: &str = "police force not yet recorded";
    pub const COUNCIL_NOT_RECORDED: &str = "local authority not yet recorded";
    pub const FORCE_LABEL: &str = "Which police force is this sent to?";
    pub const COUNCIL_LABEL: &str = "Which local authority is this sent to?";
    pub const AGENCY_HINT: &str = "It is recorded on each enquiry when you mark this as sent";
    pub const ENTER_FORCE: &str = "Enter the police force you are sending this enquiry to";
    pub const ENTER_COUNCIL: &str = "Enter the local authority you are sending this enquiry to";
    pub const SUBJECT: &str = "Subject";
    pub const MESSAGE: &str = "Message";
    pub const MARK_SENT: &str = "Mark as sent";
    pub const COPY: &str = "Copy the message";
    pub const DOWNLOAD: &str = "Download as an email";
    pub const PRINT: &str = "Print";
    pub const COPIED: &str = "Copied. Paste it into your email or the agency's form.";
    pub const CHASE_INTRO: &str = "One message to each agency, covering every case whose reply from it is overdue, with each request's reference. Send it your usual way, then choose \"Record as chased\": each case's history records that its reply was chased today.";
    pub const CASES: &str = "Cases";
    pub const CHASED_TODAY: &str = "Chased today";
    pub const NOT_CHASED: &str = "Not chased today";
    pub const RECORD_CHASED: &str = "Record as chased";
    pub const EVERY_OVERDUE: &str = "Every overdue reply";
}

pub mod court_day {
    pub const TITLE: &str = "The day at court";
    pub const INTRO: &str = "Hearings today and on the next working day, court by court, with what each case still needs. For an oral report with checks outstanding, the words to ask the court for more time are the ones the court paragraph uses.";
    pub const NONE: &str = "No case on this device has a hearing today or on the next working day.";
    pub const TODAY: &str = "Today";
    pub const NEXT_DAY: &str = "Next working day";
    pub const REPORT: &str = "Report";
    pub const OUTSTANDING: &str = "Still to do";
    pub const AWAITED: &str = "Replies awaited";
    pub const NO_REPORT_TYPE: &str = "Report type not recorded";
    pub const NOTHING_OUTSTANDING: &str = "Nothing: every check is complete";
    pub const NO_REPLIES_AWAITED: &str = "None";
    pub const ADJOURN_HEADING: &str = "If you need to ask for more time";
}
